using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using CasPS.Errors;

namespace CasPS.Validation
{
    /// <summary>
    /// The Domain rules of CreateCertificateForPackageRequest, checked before an order spends
    /// quota: 1-5 names, each a DNS host name (wildcard only as the whole leftmost label), all
    /// single or all wildcard, no duplicates. Names are normalized (trimmed, lower-case, punycode,
    /// one trailing dot removed). Any input yields a DomainSet or a CasPSException(InvalidDomain).
    /// </summary>
    internal static class DomainValidator
    {
        public const int MaxNames = 5;
        public const int MaxNameLength = 253;
        public const int MaxLabelLength = 63;
        /// <summary>Bounds the work on hostile input; five real names never come close.</summary>
        public const int MaxInputChars = 10000;
        public const string DefaultParameterName = "Domain";

        private const string LabelRule = "Each label must be 1-63 letters, digits or hyphens, not starting or ending with a hyphen.";

        /// <summary>One name or a comma-separated list, as the API takes it.</summary>
        public static DomainSet Validate(string value, string parameterName = DefaultParameterName) =>
            Validate(value == null ? null : new[] { value }, parameterName);

        /// <summary>A list of names; each item may itself be a comma-separated list.</summary>
        public static DomainSet Validate(IEnumerable<string> values, string parameterName = DefaultParameterName)
        {
            parameterName = parameterName ?? DefaultParameterName;
            var raw = Split(values, parameterName);
            if (raw.Count == 0)
                throw Error("No domain name given: pass one to 5 names, like www.example.com.", parameterName);
            if (raw.Count > MaxNames)
                throw Error(raw.Count.ToString(CultureInfo.InvariantCulture) +
                    " domain names given; one order takes at most 5. Split them into several orders.", parameterName);

            var names = new string[raw.Count];
            for (int i = 0; i < raw.Count; i++)
            {
                if (!TryNormalizeName(raw[i], out names[i], out string reason))
                    throw Error(InvalidMessage(raw[i], reason), parameterName);
                for (int j = 0; j < i; j++)
                {
                    if (string.Equals(names[j], names[i], StringComparison.Ordinal))
                        throw Error("Domain " + ValidationText.Quote(raw[i]) + " is listed twice (both " +
                            ValidationText.Quote(raw[j]) + " and " + ValidationText.Quote(raw[i]) + " are '" + names[i] +
                            "' once lower-cased, converted to punycode and stripped of a trailing dot); list each name once.",
                            parameterName);
                }
            }

            var set = new DomainSet(names);
            if (set.IsMixed)
            {
                string single = null, wildcard = null;
                foreach (var n in names)
                {
                    if (DomainSet.IsWildcardName(n)) wildcard = wildcard ?? n; else single = single ?? n;
                }
                throw Error("Domain names mix single names ('" + single + "') and wildcards ('" + wildcard +
                    "'); one order must be all single names or all wildcards. Submit them as separate orders.", parameterName);
            }
            return set;
        }

        /// <summary>Validates and normalizes one name (no commas).</summary>
        public static string NormalizeName(string value, string parameterName = DefaultParameterName)
        {
            if (!TryNormalizeName(value, out string normalized, out string reason))
                throw Error(InvalidMessage(value, reason), parameterName ?? DefaultParameterName);
            return normalized;
        }

        /// <summary>"Domain 'x' is not valid: reason" — the message for a refused name.</summary>
        public static string InvalidMessage(string value, string reason) =>
            "Domain " + ValidationText.Quote(value == null ? null : value.Trim()) + " is not valid: " + reason;

        /// <summary>
        /// The per-name rules without throwing, shared with the CSR checks. On failure, reason is
        /// a sentence (or two) saying which rule was broken.
        /// </summary>
        public static bool TryNormalizeName(string value, out string normalized, out string reason)
        {
            normalized = null;
            reason = CheckAndNormalize(value, out string result);
            if (reason != null) return false;
            normalized = result;
            return true;
        }

        private static string CheckAndNormalize(string value, out string result)
        {
            result = null;
            string s = value == null ? string.Empty : value.Trim();
            if (s.Length == 0) return "it is empty.";
            if (s.Length > MaxInputChars)
                return "it is " + s.Length.ToString(CultureInfo.InvariantCulture) + " characters long; a domain name has at most 253.";
            if (s[s.Length - 1] == '.') s = s.Substring(0, s.Length - 1);
            if (s.Length == 0) return "it has no labels.";

            string ip = IpKind(s);
            if (ip != null) return "it is an " + ip + " address; CAS issues certificates for domain names only.";

            if (s == "*") return "a lone '*' is not a name; a wildcard is written like *.example.com.";
            bool wildcard = s.StartsWith("*.", StringComparison.Ordinal);
            string rest = wildcard ? s.Substring(2) : s;
            if (rest.IndexOf('*') >= 0)
                return "'*' may only be the whole leftmost label, as in *.example.com.";

            bool converted = false;
            if (!IsAscii(rest))
            {
                string error = ToPunycode(ref rest, wildcard ? 2 : 1);
                if (error != null) return error;
                converted = true;
            }
            rest = LowerAscii(rest);

            int labelNumber = wildcard ? 2 : 1, labels = 0, start = 0;
            string last = null;
            for (int i = 0; i <= rest.Length; i++)
            {
                if (i < rest.Length && rest[i] != '.') continue;
                string labelError = CheckLabel(rest, start, i - start, labelNumber);
                if (labelError != null) return labelError;
                last = rest.Substring(start, i - start);
                labels++;
                labelNumber++;
                start = i + 1;
            }

            string full = wildcard ? "*." + rest : rest;
            if (full.Length > MaxNameLength)
                return "it is " + full.Length.ToString(CultureInfo.InvariantCulture) + " characters long" +
                    (converted ? " in punycode" : "") + "; a domain name may have at most 253.";
            if (labels < 2)
                return wildcard
                    ? "a wildcard must cover a name of at least two labels, as in *.example.com."
                    : "it has a single label; a certificate name needs at least two, like example.com.";
            if (AllDigits(last))
                return "its last label '" + last + "' is all digits, which no top-level domain is.";

            result = full;
            return null;
        }

        private static string CheckLabel(string name, int start, int length, int number)
        {
            string n = number.ToString(CultureInfo.InvariantCulture);
            if (length == 0) return "label " + n + " is empty. " + LabelRule;
            string label = name.Substring(start, length);
            if (length > MaxLabelLength)
                return "label " + n + " is " + length.ToString(CultureInfo.InvariantCulture) + " characters long. " + LabelRule;
            foreach (char c in label)
            {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') continue;
                return "label " + n + " (" + ValidationText.Quote(label) + ") contains " + ValidationText.Character(c) +
                    (c == '_' ? ", which host names may not use" : "") + ". " + LabelRule;
            }
            if (label[0] == '-') return "label " + n + " (" + ValidationText.Quote(label) + ") starts with a hyphen. " + LabelRule;
            if (label[length - 1] == '-') return "label " + n + " (" + ValidationText.Quote(label) + ") ends with a hyphen. " + LabelRule;
            if (label.StartsWith("xn--", StringComparison.Ordinal) && !IsValidPunycodeLabel(label))
                return "label " + n + " (" + ValidationText.Quote(label) + ") is not valid punycode.";
            return null;
        }

        private static readonly char[] Dots = { '.', '\u3002', '\uFF0E', '\uFF61' };

        /// <summary>
        /// Converts label by label, so that length limits stay this class's to report and a bad
        /// label is named. The ideographic and full-width dots separate labels, as in UTS #46.
        /// </summary>
        private static string ToPunycode(ref string name, int firstLabelNumber)
        {
            // A new instance per call: IdnMapping instances are not documented as thread-safe.
            var idn = new IdnMapping { UseStd3AsciiRules = true };
            var labels = name.Split(Dots);
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i].Length == 0 || IsAscii(labels[i])) continue;
                try
                {
                    labels[i] = idn.GetAscii(labels[i]);
                }
                catch (ArgumentException)
                {
                    return "label " + (firstLabelNumber + i).ToString(CultureInfo.InvariantCulture) + " (" + ValidationText.Quote(labels[i]) +
                        ") is not a valid internationalized label (conversion to punycode failed).";
                }
            }
            name = string.Join(".", labels);
            return null;
        }

        /// <summary>An A-label must decode to Unicode and encode back to itself.</summary>
        private static bool IsValidPunycodeLabel(string label)
        {
            try
            {
                var idn = new IdnMapping { UseStd3AsciiRules = true };
                string unicode = idn.GetUnicode(label);
                return !string.Equals(unicode, label, StringComparison.Ordinal) &&
                    string.Equals(idn.GetAscii(unicode), label, StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static string IpKind(string s)
        {
            if (s.IndexOf(':') >= 0)
            {
                string inner = s.Length > 1 && s[0] == '[' && s[s.Length - 1] == ']' ? s.Substring(1, s.Length - 2) : s;
                return IPAddress.TryParse(inner, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
                    ? "IPv6" : null;
            }
            // Dotted-quad only; other all-numeric forms fail the last-label rule.
            int parts = 0, digits = 0;
            foreach (char c in s)
            {
                if (c == '.') { if (digits == 0) return null; parts++; digits = 0; }
                else if (c >= '0' && c <= '9') { if (++digits > 3) return null; }
                else return null;
            }
            return parts == 3 && digits > 0 ? "IPv4" : null;
        }

        private static bool IsAscii(string s)
        {
            foreach (char c in s) if (c >= 0x80) return false;
            return true;
        }

        private static bool AllDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }

        // Culture-free on purpose: ToLower() in a Turkish culture maps 'I' to a dotless 'ı'.
        private static string LowerAscii(string s)
        {
            int i = 0;
            while (i < s.Length && !(s[i] >= 'A' && s[i] <= 'Z')) i++;
            if (i == s.Length) return s;
            var chars = s.ToCharArray();
            for (; i < chars.Length; i++)
                if (chars[i] >= 'A' && chars[i] <= 'Z') chars[i] = (char)(chars[i] + 32);
            return new string(chars);
        }

        /// <summary>Splits on commas and trims; refuses empty entries and oversized input.</summary>
        private static List<string> Split(IEnumerable<string> values, string parameterName)
        {
            var result = new List<string>();
            if (values == null) return result;
            int total = 0;
            foreach (var value in values)
            {
                string v = value ?? string.Empty;
                total += v.Length + 1;
                if (total > MaxInputChars + 1)
                    throw Error("The domain list is longer than " + MaxInputChars.ToString("N0", CultureInfo.InvariantCulture) +
                        " characters; one order takes at most 5 names of at most 253 characters.", parameterName);
                int start = 0;
                for (int i = 0; i <= v.Length; i++)
                {
                    if (i < v.Length && v[i] != ',') continue;
                    string entry = v.Substring(start, i - start).Trim();
                    if (entry.Length == 0)
                        throw Error("Domain list entry " + (result.Count + 1).ToString(CultureInfo.InvariantCulture) +
                            " is empty; remove the extra comma or blank value.", parameterName);
                    result.Add(entry);
                    start = i + 1;
                }
            }
            return result;
        }

        private static CasPSException Error(string message, string parameterName) =>
            new CasPSException(ErrorIds.InvalidDomain, ErrorCategory.InvalidArgument,
                ValidationText.ForParameter(parameterName ?? DefaultParameterName, message))
            {
                Reason = message,
                ParameterName = parameterName,
                RecommendedAction = "Give 1-5 host names like www.example.com, or wildcards like *.example.com (not both kinds in one order).",
            };
    }
}
