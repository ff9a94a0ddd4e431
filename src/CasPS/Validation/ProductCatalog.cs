using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace CasPS.Validation
{
    /// <summary>
    /// The documented product codes (reference §9.3) and the checks of a code against the names
    /// and CompanyName of an order. The documents disagree and the list changes, so these checks
    /// only ever warn: unknown codes are sent as they are and the service decides.
    /// </summary>
    internal static class ProductCatalog
    {
        /// <summary>The service's default when ProductCode is omitted, per the current documents.</summary>
        public const string DefaultCode = "digicert-free-1-free";
        /// <summary>The default older (Chinese) documents name.</summary>
        public const string LegacyDefaultCode = "symantec-free-1-free";

        private static readonly ProductInfo[] Products =
        {
            new ProductInfo("digicert-free-1-free", "DigiCert", ValidationLevel.DV, ProductCoverage.Single, true, "Free 3-month certificate; the current default."),
            new ProductInfo("symantec-free-1-free", "DigiCert", ValidationLevel.DV, ProductCoverage.Single, true, "Free 1-year certificate; the default in older documents."),
            new ProductInfo("symantec-dv-1-starter", "DigiCert", ValidationLevel.DV, ProductCoverage.Ambiguous, false,
                "Older pages call it a single-domain certificate, current pages a wildcard certificate."),
            new ProductInfo("symantec-ov-1-personal", "DigiCert", ValidationLevel.OV, ProductCoverage.Single, false),
            new ProductInfo("symantec-ov-w-personal", "DigiCert", ValidationLevel.OV, ProductCoverage.Wildcard, false),
            new ProductInfo("geotrust-dv-1-starter", "GeoTrust", ValidationLevel.DV, ProductCoverage.Single, false),
            new ProductInfo("geotrust-dv-w-starter", "GeoTrust", ValidationLevel.DV, ProductCoverage.Wildcard, false),
            new ProductInfo("geotrust-ov-1-personal", "GeoTrust", ValidationLevel.OV, ProductCoverage.Single, false),
            new ProductInfo("geotrust-ov-w-personal", "GeoTrust", ValidationLevel.OV, ProductCoverage.Wildcard, false),
            new ProductInfo("globalsign-dv-1-personal", "GlobalSign", ValidationLevel.DV, ProductCoverage.Single, false),
            new ProductInfo("globalsign-dv-w-advanced", "GlobalSign", ValidationLevel.DV, ProductCoverage.Wildcard, false),
            new ProductInfo("globalsign-ov-1-personal", "GlobalSign", ValidationLevel.OV, ProductCoverage.Single, false),
            new ProductInfo("globalsign-ov-w-advanced", "GlobalSign", ValidationLevel.OV, ProductCoverage.Wildcard, false),
            new ProductInfo("cfca-ov-1-personal", "CFCA", ValidationLevel.OV, ProductCoverage.Single, true),
            new ProductInfo("cfca-ev-w-advanced", "CFCA", ValidationLevel.OV, ProductCoverage.Wildcard, true,
                "Named EV, but every document describes it as an OV wildcard certificate."),
        };

        private static readonly Dictionary<string, ProductInfo> ByCode = Index();

        /// <summary>The documented codes, for an argument completer.</summary>
        public static IReadOnlyList<string> KnownCodes { get; } = Codes();

        public static IReadOnlyList<ProductInfo> All { get; } = new ReadOnlyCollection<ProductInfo>(Products);

        /// <summary>Codes are matched exactly: the service is not documented to ignore case.</summary>
        public static bool IsKnown(string code) => code != null && ByCode.ContainsKey(code);

        public static bool TryGet(string code, out ProductInfo product)
        {
            product = null;
            return code != null && ByCode.TryGetValue(code, out product);
        }

        /// <summary>
        /// Warnings (never errors) about an order: the code, its names (null when only a CSR is
        /// sent and not yet read) and whether a CompanyName is given. A null or empty code means
        /// the service default, <see cref="DefaultCode"/>.
        /// </summary>
        public static IReadOnlyList<string> ConsistencyWarnings(string code, DomainSet domains, bool hasCompanyName)
        {
            var warnings = new List<string>();
            if (string.IsNullOrEmpty(code)) code = DefaultCode;

            if (!TryGet(code, out var product))
            {
                string message = "Product code " + ValidationText.Quote(code) +
                    " is not in CasPS's list of documented codes; sending it anyway, the service is the judge.";
                string similar = FindIgnoringCase(code);
                if (similar != null) message += " Did you mean '" + similar + "'? Codes are lower-case.";
                warnings.Add(message);
                return warnings;
            }

            if (product.Coverage == ProductCoverage.Ambiguous)
                warnings.Add("The documents disagree whether product '" + code + "' is a single-domain or a wildcard product (" +
                    product.Note + "); CasPS sends the order either way, the service is the judge.");

            if (domains != null && domains.Count > 0)
            {
                if (product.Coverage == ProductCoverage.Single && domains.HasWildcard)
                    warnings.Add("Product '" + code + "' is a single-domain product, but wildcard names are given (" + First(domains, true) +
                        "); the service may refuse the order. Wildcards need a '-w-' product.");
                if (product.Coverage == ProductCoverage.Wildcard && domains.HasSingle)
                    warnings.Add("Product '" + code + "' is a wildcard product, but single names are given (" + First(domains, false) +
                        "); the service may refuse the order. Give wildcards like *.example.com, or use a '-1-' product.");
                if (domains.Count > 1)
                    warnings.Add(domains.Count.ToString(CultureInfo.InvariantCulture) + " names are given, but product '" + code +
                        "' covers one name per certificate ('1' single or 'w' wildcard, like every documented product); the names " +
                        "will be validated and billed as that product's terms say, possibly one unit each. Check the package first.");
            }

            if (hasCompanyName && product.Level == ValidationLevel.DV)
                warnings.Add("CompanyName applies to OV certificates only; product '" + code + "' is DV, so the company is not used.");

            return warnings;
        }

        private static string First(DomainSet domains, bool wildcard)
        {
            foreach (var n in domains.Names)
                if (DomainSet.IsWildcardName(n) == wildcard) return "'" + n + "'";
            return string.Empty;
        }

        private static string FindIgnoringCase(string code)
        {
            foreach (var p in Products)
                if (string.Equals(p.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)) return p.Code;
            return null;
        }

        private static Dictionary<string, ProductInfo> Index()
        {
            var d = new Dictionary<string, ProductInfo>(StringComparer.Ordinal);
            foreach (var p in Products) d.Add(p.Code, p);
            return d;
        }

        private static IReadOnlyList<string> Codes()
        {
            var codes = new string[Products.Length];
            for (int i = 0; i < codes.Length; i++) codes[i] = Products[i].Code;
            return new ReadOnlyCollection<string>(codes);
        }
    }
}
