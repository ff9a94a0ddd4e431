namespace CasPS.Errors
{
    /// <summary>The stable ErrorIds CasPS puts on error records. Scripts match on these, so never rename one.</summary>
    public static class ErrorIds
    {
        public const string InvalidDomain = "CasPS.InvalidDomain";
        public const string InvalidCsr = "CasPS.InvalidCsr";
        public const string InvalidParameter = "CasPS.InvalidParameter";
        public const string QuotaExhausted = "CasPS.QuotaExhausted";
        public const string Throttled = "CasPS.Throttled";
        public const string AuthFailed = "CasPS.AuthFailed";
        public const string AccessDenied = "CasPS.AccessDenied";
        public const string OrderNotFound = "CasPS.OrderNotFound";
        public const string OrderMayExist = "CasPS.OrderMayExist";
        public const string CredentialNotFound = "CasPS.CredentialNotFound";
        public const string ProfileNotFound = "CasPS.ProfileNotFound";
        public const string UnsupportedProfile = "CasPS.UnsupportedProfile";
        public const string InvalidConfiguration = "CasPS.InvalidConfiguration";
        public const string InsecureEndpoint = "CasPS.InsecureEndpoint";
        public const string ServiceError = "CasPS.ServiceError";
        public const string InvalidResponse = "CasPS.InvalidResponse";
        public const string NetworkError = "CasPS.NetworkError";
        public const string Timeout = "CasPS.Timeout";
        public const string SandboxError = "CasPS.SandboxError";
    }
}
