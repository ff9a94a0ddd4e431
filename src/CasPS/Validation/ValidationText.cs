using System.Text;

namespace CasPS.Validation
{
    /// <summary>
    /// Quotes user input for error messages: messages end up in logs and terminals, so control
    /// characters, lone surrogates and very long values must not reach them as they are.
    /// </summary>
    internal static class ValidationText
    {
        private const int MaxShown = 80;

        /// <summary>
        /// Prefixes a validation message with the parameter at fault, in PowerShell's own words for
        /// parameter validation, so every refusal names the parameter as well as the value and rule.
        /// </summary>
        public static string ForParameter(string parameterName, string message) =>
            "Cannot validate argument on parameter '" + parameterName + "'. " + message;

        public static string Quote(string value)
        {
            if (value == null) return "(null)";
            var sb = new StringBuilder(System.Math.Min(value.Length, MaxShown) + 8);
            sb.Append('\'');
            int shown = 0;
            for (int i = 0; i < value.Length; i++)
            {
                if (shown >= MaxShown) { sb.Append("..."); break; }
                char c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                }
                else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                {
                    sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else sb.Append(c);
                shown++;
            }
            sb.Append('\'');
            return sb.ToString();
        }

        /// <summary>One character for a message: printable ones quoted, others as U+XXXX.</summary>
        public static string Character(char c) =>
            c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
                ? "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                : "'" + c + "'";
    }
}
