using System;
using System.Collections.Generic;

namespace CasPS.Credentials
{
    /// <summary>
    /// Process-wide cache of ECS role keys, keyed by (metadata endpoint, role as asked for; "" when
    /// discovered). Keys are reused until three minutes before they expire, so a loop of cmdlets
    /// does not hit the metadata service each time. Shared by all runspaces; guarded by a lock.
    /// </summary>
    internal static class EcsCredentialCache
    {
        /// <summary>Keys are refreshed this long before their Expiration, so no request is signed with keys about to die.</summary>
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(3);

        private static readonly object Gate = new object();
        private static readonly Dictionary<string, EcsRoleCredentials> Entries = new Dictionary<string, EcsRoleCredentials>(StringComparer.Ordinal);

        public static EcsRoleCredentials Get(string endpoint, string requestedRole, DateTimeOffset now)
        {
            lock (Gate)
            {
                if (!Entries.TryGetValue(Key(endpoint, requestedRole), out var entry)) return null;
                if (IsFresh(entry, now)) return entry;
                Entries.Remove(Key(endpoint, requestedRole));
                return null;
            }
        }

        public static void Put(string endpoint, string requestedRole, EcsRoleCredentials credentials, DateTimeOffset now)
        {
            if (!IsFresh(credentials, now)) return;
            lock (Gate) Entries[Key(endpoint, requestedRole)] = credentials;
        }

        private static bool IsFresh(EcsRoleCredentials c, DateTimeOffset now) =>
            c.Expiration.HasValue && now < c.Expiration.Value - RefreshMargin;

        private static string Key(string endpoint, string requestedRole) => endpoint + "\n" + (requestedRole ?? "");
    }
}
