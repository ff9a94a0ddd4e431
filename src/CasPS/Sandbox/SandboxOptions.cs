using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>How to start a sandbox.</summary>
    internal sealed class SandboxOptions
    {
        /// <summary>0 lets the system choose a free port.</summary>
        public int Port { get; set; }

        /// <summary>TotalCount per ProductCode; null means <see cref="SandboxDefaults.DefaultQuota"/>.</summary>
        public IDictionary<string, long> Quota { get; set; }

        /// <summary>Issue STS credentials: requests must then carry the signed x-acs-security-token.</summary>
        public bool IssueSecurityToken { get; set; }

        /// <summary>The sandbox's clock (UTC); tests may fix it. Null means DateTime.UtcNow.</summary>
        public Func<DateTime> Clock { get; set; }
    }
}
