using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>The product codes the current docs list (reference §9.3), and the sandbox's default quota.</summary>
    internal static class ProductCatalog
    {
        public const string DefaultProductCode = "digicert-free-1-free";

        /// <summary>Quota when Start-CasSandbox gets no -Quota: 20 free DigiCert DV certificates.</summary>
        public const long DefaultFreeQuota = 20;

        private static readonly HashSet<string> Documented = new HashSet<string>(StringComparer.Ordinal)
        {
            "digicert-free-1-free", "symantec-free-1-free", "symantec-dv-1-starter",
            "symantec-ov-1-personal", "symantec-ov-w-personal",
            "geotrust-dv-1-starter", "geotrust-dv-w-starter", "geotrust-ov-1-personal", "geotrust-ov-w-personal",
            "globalsign-dv-1-personal", "globalsign-dv-w-advanced", "globalsign-ov-1-personal", "globalsign-ov-w-advanced",
            "cfca-ov-1-personal", "cfca-ev-w-advanced",
        };

        public static bool IsDocumented(string productCode) => productCode != null && Documented.Contains(productCode);

        public static IDictionary<string, long> DefaultQuota() =>
            new Dictionary<string, long>(StringComparer.Ordinal) { [DefaultProductCode] = DefaultFreeQuota };
    }
}
