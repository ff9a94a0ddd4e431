using CasPS.Json;

using CasPS.Validation;

namespace CasPS.Sandbox
{
    /// <summary>
    /// DescribePackageState: the quota counters of one product (reference §5.1). ProductCode is
    /// optional and defaults to digicert-free-1-free, as the current docs say.
    /// </summary>
    internal sealed class DescribePackageStateAction : ISandboxAction
    {
        private readonly PackageStore _packages;

        public DescribePackageStateAction(PackageStore packages) { _packages = packages; }

        public string Name => "DescribePackageState";

        public ActionResult Execute(ActionContext context)
        {
            string code = context.Parameter("ProductCode") ?? ProductCatalog.DefaultCode;
            if (!_packages.TryGetState(code, out var state))
                return ActionResult.Fail(ServiceErrors.InvalidProductCode(code));

            // Member order as in the service's documented example.
            return ActionResult.Ok(new JsonWriter()
                .Add("IssuedCount", state.IssuedCount)
                .Add("RequestId", context.RequestId)
                .Add("TotalCount", state.TotalCount)
                .Add("ProductCode", state.ProductCode)
                .Add("UsedCount", state.UsedCount)
                .ToString());
        }
    }
}
