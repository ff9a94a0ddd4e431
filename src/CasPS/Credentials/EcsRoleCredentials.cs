using System;

namespace CasPS.Credentials
{
    /// <summary>Keys the ECS metadata service handed out for a RAM role, with their expiry.</summary>
    internal sealed class EcsRoleCredentials
    {
        public EcsRoleCredentials(string roleName, string accessKeyId, string accessKeySecret, string securityToken, DateTimeOffset? expiration)
        {
            RoleName = roleName;
            AccessKeyId = accessKeyId;
            AccessKeySecret = accessKeySecret;
            SecurityToken = securityToken;
            Expiration = expiration;
        }

        public string RoleName { get; }
        public string AccessKeyId { get; }
        public string AccessKeySecret { get; }
        public string SecurityToken { get; }
        /// <summary>When the keys stop working; null when the service did not say (then they are not cached).</summary>
        public DateTimeOffset? Expiration { get; }

        public override string ToString() => "ECS RAM role '" + RoleName + "' AccessKeyId " + AccessKeyId;
    }
}
