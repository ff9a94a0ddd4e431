namespace CasPS.Credentials
{
    /// <summary>
    /// An AccessKey pair (optionally with an STS token) and where it came from.
    /// ToString shows only the key id and the source: the secret and token never leave
    /// this object except into the signer.
    /// </summary>
    public sealed class CloudCredential
    {
        public CloudCredential(string accessKeyId, string accessKeySecret, string securityToken, string source)
        {
            AccessKeyId = accessKeyId;
            AccessKeySecret = accessKeySecret;
            SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
            Source = source;
        }

        public string AccessKeyId { get; }
        internal string AccessKeySecret { get; }
        internal string SecurityToken { get; }
        /// <summary>Human-readable origin, e.g. "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/..." (no values).</summary>
        public string Source { get; }
        public bool IsSts => SecurityToken != null;
        /// <summary>The region the source suggests (profile region_id), or null.</summary>
        public string Region { get; internal set; }

        public override string ToString() => "AccessKeyId " + AccessKeyId + " from " + Source;
    }
}
