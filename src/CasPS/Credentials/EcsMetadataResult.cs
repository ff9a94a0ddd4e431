namespace CasPS.Credentials
{
    /// <summary>Keys from the metadata service, or why there are none (text for messages, no secrets).</summary>
    internal sealed class EcsMetadataResult
    {
        private EcsMetadataResult(EcsRoleCredentials credentials, string problem)
        {
            Credentials = credentials;
            Problem = problem;
        }

        public EcsRoleCredentials Credentials { get; }
        /// <summary>E.g. "not reachable", "no RAM role attached to the instance".</summary>
        public string Problem { get; }

        public static EcsMetadataResult Found(EcsRoleCredentials credentials) => new EcsMetadataResult(credentials, null);
        public static EcsMetadataResult Failed(string problem) => new EcsMetadataResult(null, problem);
    }
}
