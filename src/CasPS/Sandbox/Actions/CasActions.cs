namespace CasPS.Sandbox
{
    /// <summary>
    /// The one place listing the CAS actions the sandbox serves. Adding an action is a new
    /// ISandboxAction file plus its line here; its state lives in <see cref="SandboxState"/>.
    /// </summary>
    internal static class CasActions
    {
        public const string ApiVersion = "2020-04-07";

        public static ActionRegistry Create(SandboxState state) => new ActionRegistry(ApiVersion, new ISandboxAction[]
        {
            new DescribePackageStateAction(state.Packages),
            new CreateCertificateForPackageRequestAction(state.Packages, state.Orders),
        });
    }
}
