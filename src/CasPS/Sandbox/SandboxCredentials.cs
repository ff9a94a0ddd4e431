using System.Security.Cryptography;
using System.Text;
using CasPS.Credentials;

namespace CasPS.Sandbox
{
    /// <summary>A fresh random AccessKey pair (and STS token) per sandbox, shaped like Alibaba's.</summary>
    internal static class SandboxCredentials
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        public const string Source = "CAS sandbox";

        public static CloudCredential Create(bool securityToken)
        {
            using (var rng = RandomNumberGenerator.Create())
            {
                // Permanent keys start "LTAI"; STS keys "STS.".
                string id = securityToken ? "STS.NU" + Random(rng, 26) : "LTAI5t" + Random(rng, 18);
                string secret = Random(rng, 30);
                string token = securityToken ? "CAISsandbox" + Random(rng, 120) : null;
                return new CloudCredential(id, secret, token, Source);
            }
        }

        private static string Random(RandomNumberGenerator rng, int length)
        {
            var sb = new StringBuilder(length);
            var one = new byte[1];
            while (sb.Length < length)
            {
                rng.GetBytes(one);
                // Reject the top of the byte range so every character is equally likely.
                if (one[0] < 248) sb.Append(Alphabet[one[0] % Alphabet.Length]);
            }
            return sb.ToString();
        }
    }
}
