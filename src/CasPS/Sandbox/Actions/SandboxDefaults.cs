using System;
using System.Collections.Generic;
using CasPS.Validation;

namespace CasPS.Sandbox
{
    /// <summary>The sandbox account's quota when Start-CasSandbox gets no -Quota: 20 free DigiCert DV certificates.</summary>
    internal static class SandboxDefaults
    {
        public const long DefaultFreeQuota = 20;

        public static IDictionary<string, long> DefaultQuota() =>
            new Dictionary<string, long>(StringComparer.Ordinal) { [ProductCatalog.DefaultCode] = DefaultFreeQuota };
    }
}
