using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using CasPS.Validation;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Reads and checks the Tags.N.Key / Tags.N.Value parameters of a Create* request as the
    /// service does (reference §5.4): at most 20 tags, keys of at most 128 characters, not
    /// starting with "aliyun" or "acs:" and free of "http://" and "https://".
    /// </summary>
    internal static class OrderTags
    {
        public const int MaxTags = 20;
        public const int MaxKeyLength = 128;

        private const string Prefix = "Tags.";

        /// <summary>The tags in N order (none when absent); false with a message when the service would refuse them.</summary>
        public static bool TryRead(IReadOnlyDictionary<string, string> parameters, out IReadOnlyDictionary<string, string> tags, out string error)
        {
            tags = null;
            var byIndex = new SortedDictionary<int, string[]>(); // N -> { key, value }
            foreach (var p in parameters)
            {
                if (!p.Key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
                error = ReadParameter(p.Key, p.Value, byIndex);
                if (error != null) return false;
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in byIndex)
            {
                string n = entry.Key.ToString(CultureInfo.InvariantCulture);
                string key = entry.Value[0];
                error = CheckKey(n, key);
                if (error != null) return false;
                if (result.ContainsKey(key))
                {
                    error = "The tag key " + ValidationText.Quote(key) + " is given twice (Tags." + n + ".Key); each key may appear once.";
                    return false;
                }
                result.Add(key, entry.Value[1] ?? string.Empty);
            }
            tags = new ReadOnlyDictionary<string, string>(result);
            error = null;
            return true;
        }

        private static string ReadParameter(string name, string value, SortedDictionary<int, string[]> byIndex)
        {
            string rest = name.Substring(Prefix.Length);
            int dot = rest.IndexOf('.');
            string field = dot < 0 ? null : rest.Substring(dot + 1);
            if (dot <= 0 || (field != "Key" && field != "Value") || !TryIndex(rest.Substring(0, dot), out int index))
                return "The parameter " + ValidationText.Quote(name) + " is not valid: tags are sent as Tags.N.Key and Tags.N.Value, N from 1.";
            if (index > MaxTags)
                return "The parameter " + ValidationText.Quote(name) + " is not valid: an order takes at most " +
                    MaxTags.ToString(CultureInfo.InvariantCulture) + " tags.";
            if (!byIndex.TryGetValue(index, out var pair)) byIndex[index] = pair = new string[2];
            pair[field == "Key" ? 0 : 1] = value;
            return null;
        }

        private static string CheckKey(string n, string key)
        {
            string where = "Tags." + n + ".Key";
            if (string.IsNullOrEmpty(key)) return "The tag key " + where + " is missing or empty; every tag needs a key.";
            if (key.Length > MaxKeyLength)
                return "The tag key " + where + " is " + key.Length.ToString(CultureInfo.InvariantCulture) +
                    " characters long; a tag key has at most " + MaxKeyLength.ToString(CultureInfo.InvariantCulture) + ".";
            if (key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase) || key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase))
                return "The tag key " + ValidationText.Quote(key) + " (" + where + ") is not valid: keys starting with 'aliyun' or 'acs:' are reserved.";
            if (key.IndexOf("http://", StringComparison.OrdinalIgnoreCase) >= 0 || key.IndexOf("https://", StringComparison.OrdinalIgnoreCase) >= 0)
                return "The tag key " + ValidationText.Quote(key) + " (" + where + ") is not valid: a tag key may not contain 'http://' or 'https://'.";
            return null;
        }

        // 1, 2, ... as the SDK numbers them: digits only, no sign, no leading zero.
        private static bool TryIndex(string text, out int index)
        {
            index = 0;
            if (text.Length == 0 || text.Length > 9 || text[0] == '0') return false;
            foreach (char c in text)
            {
                if (c < '0' || c > '9') return false;
                index = index * 10 + (c - '0');
            }
            return true;
        }
    }
}
