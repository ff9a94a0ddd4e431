namespace CasPS.Credentials
{
    /// <summary>What the caller said about credentials; null members were not given.</summary>
    internal sealed class CredentialRequest
    {
        public string AccessKeyId;
        public string AccessKeySecret;   // from -AccessKeySecret (SecureString) or -Credential's password
        public string SecurityToken;
        public string ProfileName;       // -ProfileName
        /// <summary>Set when the explicit pair came from -Credential rather than -AccessKeyId.</summary>
        public bool FromPSCredential;
    }
}
