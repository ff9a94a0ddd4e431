using System;

namespace CasPS.Credentials
{
    /// <summary>
    /// The environment variables credential resolution reads. The ALIBABA_CLOUD_* names are those
    /// of Alibaba's SDKs and CLI, so one setup serves every tool; CASPS_* are CasPS's own.
    /// </summary>
    internal static class CredentialEnvironmentVariables
    {
        public const string AccessKeyId = "ALIBABA_CLOUD_ACCESS_KEY_ID";
        public const string AccessKeySecret = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
        public const string SecurityToken = "ALIBABA_CLOUD_SECURITY_TOKEN";
        /// <summary>Profile name for both the CLI file and the INI file.</summary>
        public const string Profile = "ALIBABA_CLOUD_PROFILE";
        public const string CliProfileDisabled = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
        /// <summary>The aliyun CLI's spelling of the same switch.</summary>
        public const string IgnoreProfile = "ALIBABA_CLOUD_IGNORE_PROFILE";
        public const string CredentialsFile = "ALIBABA_CLOUD_CREDENTIALS_FILE";
        /// <summary>ECS RAM role name; when unset the role is discovered from the metadata service.</summary>
        public const string EcsRoleName = "ALIBABA_CLOUD_ECS_METADATA";
        public const string EcsMetadataDisabled = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
        public const string ImdsV1Disabled = "ALIBABA_CLOUD_IMDSV1_DISABLED";
        /// <summary>Base address of the metadata service (tests point it at a loopback fake).</summary>
        public const string EcsMetadataEndpoint = "CASPS_ECS_METADATA_ENDPOINT";

        /// <summary>Whether a switch variable says "true" (any case), as the SDKs compare it.</summary>
        public static bool IsTrue(IEnvironment env, string name) =>
            string.Equals(env.Get(name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
