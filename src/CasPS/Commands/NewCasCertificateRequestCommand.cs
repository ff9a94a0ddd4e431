using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CasPS.Alibaba.Models;
using CasPS.Errors;
using CasPS.Validation;

namespace CasPS.Commands
{
    /// <summary>
    /// New-CasCertificateRequest: spends one unit of a resource package's quota to order a
    /// certificate (CreateCertificateForPackageRequest), by domain or by CSR. Every domain and CSR
    /// rule is checked before anything is sent; -WhatIf sends nothing; the call is retried only
    /// when the answer proves it did not run, so one input never creates two orders.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CasCertificateRequest", DefaultParameterSetName = ByDomain,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CasCertificateOrder))]
    public sealed class NewCasCertificateRequestCommand : CasCloudCmdlet
    {
        private const string ByDomain = "ByDomain";
        private const string ByCsr = "ByCsr";
        private const string ByCsrPath = "ByCsrPath";
        private int _inputIndex = -1;

        /// <summary>Names to certify: up to 5, all single or all wildcard; one comma-separated string works too.</summary>
        [Parameter(ParameterSetName = ByDomain, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByCsr, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByCsrPath, ValueFromPipelineByPropertyName = true)]
        [Alias("DomainName")]
        [ValidateNotNullOrEmpty]
        public string[] Domain { get; set; }

        /// <summary>PEM text of a PKCS#10 CSR; its CN becomes the certificate's domain.</summary>
        [Parameter(ParameterSetName = ByCsr, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Csr { get; set; }

        /// <summary>A CSR file, PEM or DER; relative paths follow the current PowerShell location.</summary>
        [Parameter(ParameterSetName = ByCsrPath, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string CsrPath { get; set; }

        /// <summary>The product whose quota to spend; omitted, the service's default applies.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCodeCompleter))]
        [ValidateNotNullOrEmpty]
        public string ProductCode { get; set; }

        /// <summary>How domain ownership will be proven: Dns (default) or File.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ValidateType")]
        public CasValidationMethod ValidationMethod { get; set; } = CasValidationMethod.Dns;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Username { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Phone { get; set; }

        /// <summary>OV products only: the company registered in the console's Information Management.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CompanyName { get; set; }

        protected override void ProcessRecord()
        {
            _inputIndex++;
            OrderPlan plan;
            try
            {
                plan = Plan();
            }
            catch (CasPSException ex)
            {
                WriteError(ex.ToErrorRecord(DescribeInput()));
                return;
            }
            plan.Input = DescribeInput();

            foreach (var warning in plan.Warnings) WriteWarning(warning);
            if (!ShouldProcess(plan.Target, plan.Action)) return;

            try
            {
                var answer = Call((client, cancel) => client.CreateCertificateForPackageRequest(plan.Request, cancel));
                // Written at once: nothing after this may lose a created order.
                WriteObject(new CasCertificateOrder
                {
                    OrderId = answer.OrderId,
                    ProductCode = plan.Request.ProductCode,
                    Domain = plan.Names,
                    ValidationMethod = ValidationMethod,
                    CsrSupplied = plan.Request.Csr != null,
                    RequestId = answer.RequestId,
                    InputIndex = _inputIndex,
                    CreatedAt = DateTime.UtcNow,
                });
            }
            catch (CasPSException ex)
            {
                WriteItemError(ex, plan.Input);
            }
        }

        /// <summary>Validates this input and builds the request; throws CasPSException before anything is sent.</summary>
        private OrderPlan Plan()
        {
            string validateType = ValidationMethod == CasValidationMethod.File ? "FILE" : "DNS";
            var request = new CreateCertificateForPackageRequestRequest
            {
                ProductCode = ProductCode?.Trim(),
                ValidateType = validateType,
                Username = Username,
                Email = ContactRules.Email(Email),
                Phone = ContactRules.Phone(Phone),
                CompanyName = CompanyName,
            };
            var plan = new OrderPlan { Request = request };

            DomainSet domains = Domain != null ? DomainValidator.Validate(Domain, "Domain") : null;
            DomainSet named;
            if (ParameterSetName == ByDomain)
            {
                request.Domain = domains.ApiValue;
                named = domains;
            }
            else
            {
                var csr = ParameterSetName == ByCsr
                    ? CsrValidator.Validate(Csr, "Csr")
                    : CsrValidator.Validate(ReadCsrFile(), "CsrPath");
                request.Csr = csr.Pem;
                named = csr.Domains;
                if (csr.Warnings != null) plan.Warnings.AddRange(csr.Warnings);
                if (domains != null)
                {
                    request.Domain = domains.ApiValue;
                    plan.Warnings.AddRange(CsrValidator.CompareWithDomains(csr, domains));
                }
            }

            plan.Names = named.Names.ToArray();
            plan.Warnings.AddRange(ProductCatalog.ConsistencyWarnings(request.ProductCode, named, CompanyName != null));
            plan.Target = string.Join(", ", plan.Names);
            plan.Action = "Order a certificate, spending one unit of " +
                          (request.ProductCode != null ? "'" + request.ProductCode + "'" : "the service's default product ('" + ProductCatalog.DefaultCode + "' per current documents)") +
                          " quota, with " + validateType + " validation" +
                          (request.Csr != null ? " and the supplied CSR" : string.Empty);
            return plan;
        }

        private byte[] ReadCsrFile()
        {
            string path;
            try
            {
                path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(CsrPath);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is NotSupportedException)
            {
                throw new CasPSException(ErrorIds.InvalidCsr, ErrorCategory.InvalidArgument,
                    "CsrPath '" + CsrPath + "' is not a file system path: " + ex.Message, ex) { ParameterName = "CsrPath" };
            }
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                    throw new CasPSException(ErrorIds.InvalidCsr, ErrorCategory.ObjectNotFound, "CsrPath '" + path + "' does not exist.") { ParameterName = "CsrPath" };
                if (info.Length > PemCodec.MaxTextChars)
                    throw new CasPSException(ErrorIds.InvalidCsr, ErrorCategory.InvalidArgument,
                        "CsrPath '" + path + "' is " + info.Length + " bytes; a CSR is at most " + PemCodec.MaxTextChars + " bytes.") { ParameterName = "CsrPath" };
                return File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CasPSException(ErrorIds.InvalidCsr, ErrorCategory.ReadError, "CsrPath '" + path + "' could not be read: " + ex.Message, ex) { ParameterName = "CsrPath" };
            }
        }

        /// <summary>Identifies the current input in error records, so each error can be matched to its row.</summary>
        private CasOrderInput DescribeInput() => new CasOrderInput
        {
            InputIndex = _inputIndex,
            Domain = Domain,
            CsrPath = CsrPath,
            CsrSupplied = Csr != null || CsrPath != null,
            ProductCode = ProductCode,
        };

        private sealed class OrderPlan
        {
            public CreateCertificateForPackageRequestRequest Request;
            public CasOrderInput Input;
            public string[] Names;
            public string Target;
            public string Action;
            public readonly System.Collections.Generic.List<string> Warnings = new System.Collections.Generic.List<string>();
        }
    }
}
