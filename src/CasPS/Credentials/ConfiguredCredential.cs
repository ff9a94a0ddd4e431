namespace CasPS.Credentials
{
    /// <summary>
    /// What a profile (CLI file or INI section) says, before any network work: either a static
    /// key (optionally STS) or "use this ECS RAM role". Both file formats map to this, so turning
    /// a profile into a CloudCredential is written once.
    /// </summary>
    internal sealed class ConfiguredCredential
    {
        public string AccessKeyId;
        public string AccessKeySecret;
        public string SecurityToken;
        public bool IsEcsRole;
        /// <summary>The ECS RAM role to use; null means discover it from the metadata service.</summary>
        public string RoleName;
        public string Region;
        /// <summary>"profile 'name' in /path" (no values).</summary>
        public string Source;

        public override string ToString() => Source;
    }
}
