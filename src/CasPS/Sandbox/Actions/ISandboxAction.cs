namespace CasPS.Sandbox
{
    /// <summary>One CAS API action the sandbox serves. Implementations hold their state via their constructor.</summary>
    internal interface ISandboxAction
    {
        /// <summary>The x-acs-action value, e.g. "DescribePackageState".</summary>
        string Name { get; }

        /// <summary>Runs the action for an authenticated request. Must be thread-safe.</summary>
        ActionResult Execute(ActionContext context);
    }
}
