using System.Collections.Generic;
using System.Management.Automation;
using CasPS.Errors;
using V = CasPS.Credentials.CredentialEnvironmentVariables;

namespace CasPS.Credentials
{
    /// <summary>
    /// The terminating errors of credential resolution, worded in one place. Messages name
    /// parameters, variables, files, profiles and keys; never a value read from any of them.
    /// </summary>
    internal static class CredentialErrors
    {
        private const string SetEnvironmentAdvice =
            "set " + V.AccessKeyId + " and " + V.AccessKeySecret + " (plus " + V.SecurityToken + " for STS keys)";

        /// <summary>A parameter pair given half: InvalidParameter / InvalidArgument; parameterName is the first one missing.</summary>
        public static CasPSException MissingParameter(string missing, string given, string parameterName) =>
            new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                given + " was given without " + missing + "; both are needed.")
            {
                ParameterName = parameterName,
                RecommendedAction = "Pass " + missing + " as well, or pass neither to use the default credential chain.",
            };

        /// <summary>-Credential whose user name (the AccessKey ID) or password (the secret) is empty.</summary>
        public static CasPSException IncompletePSCredential(string missingPart) =>
            new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                "-Credential has an empty " + missingPart + ".")
            {
                ParameterName = "Credential",
                RecommendedAction = "Use the AccessKey ID as the user name and the AccessKey secret as the password: Get-Credential -UserName <AccessKeyId>.",
            };

        /// <summary>An environment variable pair set half: InvalidConfiguration / InvalidData.</summary>
        public static CasPSException MissingVariable(string missing, string given) =>
            new CasPSException(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidData,
                "Environment variable " + given + " is set but " + missing + " is not.")
            {
                RecommendedAction = "Set " + missing + " as well, or clear " + given + ".",
            };

        public static CasPSException InvalidVariable(string name, string problem) =>
            new CasPSException(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidData,
                "Environment variable " + name + " " + problem + ".")
            {
                RecommendedAction = "Correct or clear " + name + ".",
            };

        /// <summary>A file that exists but cannot be read or parsed; names the file, never its text.</summary>
        public static CasPSException InvalidFile(string path, string problem) =>
            new CasPSException(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidData,
                "Credentials file " + path + " " + problem + ".")
            {
                RecommendedAction = "Fix " + path + " (or recreate it with 'aliyun configure'), or " + SetEnvironmentAdvice + ".",
            };

        /// <summary>A profile lacking a key its mode needs.</summary>
        public static CasPSException IncompleteProfile(string source, string kind, string missingKey) =>
            new CasPSException(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidData,
                "The " + source + " has " + kind + " but no " + missingKey + ".")
            {
                RecommendedAction = "Add " + missingKey + " to that profile, or " + SetEnvironmentAdvice + ".",
            };

        public static CasPSException EcsProfileButMetadataDisabled(string source) =>
            new CasPSException(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidData,
                "The " + source + " uses an ECS RAM role, but " + V.EcsMetadataDisabled + "=true.")
            {
                RecommendedAction = "Clear " + V.EcsMetadataDisabled + ", or use an AK/StsToken profile.",
            };

        /// <summary>A profile mode or type CasPS does not implement: UnsupportedProfile / NotImplemented.</summary>
        public static CasPSException UnsupportedProfile(string source, string kind) =>
            new CasPSException(ErrorIds.UnsupportedProfile, ErrorCategory.NotImplemented,
                "The " + source + " uses " + kind + ", which CasPS does not support (supported: AK, StsToken, EcsRamRole).")
            {
                RecommendedAction = "Use a profile with mode AK or StsToken ('aliyun configure --mode AK'), or " + SetEnvironmentAdvice + ".",
            };

        /// <summary>A named profile absent from every file: ProfileNotFound / ObjectNotFound.</summary>
        public static CasPSException ProfileNotFound(string name, string namedBy, IList<string> lookedAt) =>
            new CasPSException(ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound,
                "Profile '" + name + "' (from " + namedBy + ") was not found. Looked in: " + string.Join("; ", lookedAt) + ".")
            {
                RecommendedAction = "Check the name (profile names are case-sensitive), create it with 'aliyun configure --profile " + name
                    + "' or as a [" + name + "] section of the credentials file, or name another profile.",
            };

        /// <summary>A profile selected ECS role keys, and the metadata service did not give them.</summary>
        public static CasPSException EcsRoleFailed(string source, string endpoint, string problem) =>
            new CasPSException(ErrorIds.CredentialNotFound, ErrorCategory.ObjectNotFound,
                "The " + source + " uses an ECS RAM role, but the ECS metadata service " + endpoint + " gave no keys (" + problem + ").")
            {
                RecommendedAction = "Run on an ECS instance with a RAM role attached, or use an AK/StsToken profile.",
            };

        /// <summary>The whole chain came up empty: CredentialNotFound / ObjectNotFound (nothing was found to try).</summary>
        public static CasPSException NotFound(IList<string> lookedAt)
        {
            var numbered = new string[lookedAt.Count];
            for (int i = 0; i < numbered.Length; i++) numbered[i] = (i + 1) + ") " + lookedAt[i];
            return new CasPSException(ErrorIds.CredentialNotFound, ErrorCategory.ObjectNotFound,
                "No Alibaba Cloud credentials found. Looked at, in order: " + string.Join("; ", numbered) + ".")
            {
                RecommendedAction = "Pass -AccessKeyId/-AccessKeySecret or -Credential, " + SetEnvironmentAdvice
                    + ", or create a profile with 'aliyun configure'.",
            };
        }
    }
}
