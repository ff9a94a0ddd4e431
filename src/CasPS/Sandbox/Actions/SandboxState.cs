using System;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The emulated account's data that actions share: package quota and the orders placed
    /// against it.
    /// </summary>
    internal sealed class SandboxState
    {
        public SandboxState(PackageStore packages, Func<DateTime> clock)
        {
            Packages = packages;
            Clock = clock;
            Orders = new SandboxOrderStore();
        }

        public PackageStore Packages { get; }
        public SandboxOrderStore Orders { get; }
        public Func<DateTime> Clock { get; }
    }
}
