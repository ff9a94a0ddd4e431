using CasPS.Errors;
using CasPS.Json;
using CasPS.Validation;

namespace CasPS.Sandbox
{
    /// <summary>
    /// CreateCertificateForPackageRequest (reference §5.2): checks the request on the server side,
    /// independently of any client checks, then spends one unit of the product's quota and records
    /// an order in domain_verify. Any refusal is a 400 that spends nothing and records nothing.
    /// </summary>
    internal sealed class CreateCertificateForPackageRequestAction : ISandboxAction
    {
        public const string DefaultValidateType = "DNS";

        private readonly PackageStore _packages;
        private readonly SandboxOrderStore _orders;

        public CreateCertificateForPackageRequestAction(PackageStore packages, SandboxOrderStore orders)
        {
            _packages = packages;
            _orders = orders;
        }

        public string Name => "CreateCertificateForPackageRequest";

        public ActionResult Execute(ActionContext context)
        {
            string domain = context.Parameter("Domain");
            string csr = context.Parameter("Csr");
            if (domain == null && csr == null) return ActionResult.Fail(ServiceErrors.DomainAndCsrMissing());

            // The documents name DNS and FILE in upper case; the service is not documented to ignore case.
            string validateType = context.Parameter("ValidateType") ?? DefaultValidateType;
            if (validateType != "DNS" && validateType != "FILE") return ActionResult.Fail(ServiceErrors.InvalidValidateType(validateType));

            string productCode = context.Parameter("ProductCode") ?? ProductCatalog.DefaultCode;
            if (!_packages.TryGetState(productCode, out _)) return ActionResult.Fail(ServiceErrors.InvalidProductCode(productCode));

            // Domain is checked whenever sent, even though a CSR's names win over it.
            DomainSet domains = null;
            if (domain != null)
            {
                try { domains = DomainValidator.Validate(domain); }
                catch (CasPSException e) { return ActionResult.Fail(ServiceErrors.InvalidDomain(e.Reason ?? e.Message)); }
            }

            CsrInfo csrInfo = null;
            if (csr != null)
            {
                try { csrInfo = CsrValidator.Validate(csr); }
                catch (CasPSException e) { return ActionResult.Fail(ServiceErrors.InvalidCsr(e.Reason ?? e.Message)); }
            }

            if (!OrderTags.TryRead(context.Parameters, out var tags, out string tagError))
                return ActionResult.Fail(ServiceErrors.InvalidTags(tagError));

            // Last, so a refused request never spends quota.
            var spent = _packages.TryConsume(productCode, out var package);
            if (spent == QuotaConsumption.Exhausted) return ActionResult.Fail(ServiceErrors.NotEnoughPackage(package));
            if (spent == QuotaConsumption.UnknownProduct) return ActionResult.Fail(ServiceErrors.InvalidProductCode(productCode));

            var order = _orders.Add(new SandboxOrder
            {
                ProductCode = productCode,
                Domains = (csrInfo != null ? csrInfo.Domains : domains).Names,
                Csr = csrInfo?.Pem,
                ValidateType = validateType,
                Username = context.Parameter("Username"),
                Email = context.Parameter("Email"),
                Phone = context.Parameter("Phone"),
                CompanyName = context.Parameter("CompanyName"),
                Tags = tags,
                CreatedTime = context.UtcNow,
                AccessKeyId = context.AccessKeyId,
            });

            // Member order as in the service's documented example; OrderId written as an exact integer.
            return ActionResult.Ok(new JsonWriter()
                .Add("RequestId", context.RequestId)
                .Add("OrderId", order.OrderId)
                .ToString());
        }
    }
}
