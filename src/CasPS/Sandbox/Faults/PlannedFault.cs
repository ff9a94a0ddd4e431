using System;

namespace CasPS.Sandbox
{
    /// <summary>A queued fault: its kind, how many more requests it applies to, and to which action.</summary>
    internal sealed class PlannedFault
    {
        public PlannedFault(SandboxFaultKind kind, int remaining, string action, TimeSpan delay)
        {
            Kind = kind;
            Remaining = remaining;
            Action = action;
            Delay = delay;
        }

        public SandboxFaultKind Kind { get; }
        public int Remaining { get; set; }
        /// <summary>Null: any action.</summary>
        public string Action { get; }
        /// <summary>For <see cref="SandboxFaultKind.SlowAnswer"/>.</summary>
        public TimeSpan Delay { get; }

        /// <summary>True when the fault answers in place of the service (the action never runs).</summary>
        public bool ReplacesAnswer =>
            Kind != SandboxFaultKind.SlowAnswer && Kind != SandboxFaultKind.ConnectionResetAfterExecute;

        public bool Matches(string action) =>
            Action == null || string.Equals(Action, action, StringComparison.OrdinalIgnoreCase);
    }
}
