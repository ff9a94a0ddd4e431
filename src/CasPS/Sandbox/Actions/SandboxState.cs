using System;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The emulated account's data that actions share: package quota now; orders (Create* and
    /// DescribeCertificateState) join here as their own store.
    /// </summary>
    internal sealed class SandboxState
    {
        public SandboxState(PackageStore packages, Func<DateTime> clock)
        {
            Packages = packages;
            Clock = clock;
        }

        public PackageStore Packages { get; }
        public Func<DateTime> Clock { get; }
    }
}
