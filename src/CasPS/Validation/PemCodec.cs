using System;
using System.Globalization;
using System.Text;

namespace CasPS.Validation
{
    /// <summary>
    /// Turns what users hand in (PEM text in any line-ending style, with text around it, or PEM or
    /// DER bytes from a file) into DER, and DER into the canonical PEM CasPS sends to the API.
    /// </summary>
    internal static class PemCodec
    {
        /// <summary>64 KiB: a real CSR is 1-3 KB; larger input is refused before any work.</summary>
        public const int MaxDerBytes = 64 * 1024;
        /// <summary>Enough for 64 KiB of base64 with line breaks and some text around it.</summary>
        public const int MaxTextChars = 256 * 1024;

        private const string BeginPrefix = "-----BEGIN ";
        private const string EndPrefix = "-----END ";
        private const string Dashes = "-----";
        private const string Label = "CERTIFICATE REQUEST";
        private const string NewLabel = "NEW CERTIFICATE REQUEST";

        public static string Encode(byte[] der)
        {
            string b64 = Convert.ToBase64String(der);
            var sb = new StringBuilder(b64.Length + b64.Length / 64 + 80);
            sb.Append(BeginPrefix).Append(Label).Append(Dashes).Append('\n');
            for (int i = 0; i < b64.Length; i += 64)
                sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
            sb.Append(EndPrefix).Append(Label).Append(Dashes).Append('\n');
            return sb.ToString();
        }

        /// <summary>DER from bytes: DER as is when it starts like a SEQUENCE, otherwise PEM text.</summary>
        public static byte[] Decode(byte[] data)
        {
            if (data == null || data.Length == 0) throw new CsrFormatException("it is empty.");
            if (data[0] == DerReader.Sequence)
            {
                CheckDerSize(data.Length);
                return data;
            }
            if (data.Length > MaxTextChars * 2) throw TooLong(data.Length, "bytes");
            return Decode(ToText(data));
        }

        /// <summary>DER from PEM text; text before and after the block is ignored.</summary>
        public static byte[] Decode(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new CsrFormatException("it is empty.");
            if (text.Length > MaxTextChars) throw TooLong(text.Length, "characters");

            string otherLabel = null;
            int search = 0;
            while (true)
            {
                int begin = text.IndexOf(BeginPrefix, search, StringComparison.Ordinal);
                if (begin < 0)
                {
                    throw new CsrFormatException(otherLabel == null
                        ? "no '-----BEGIN CERTIFICATE REQUEST-----' line found; pass the PEM text of the CSR (or its DER bytes)."
                        : "it holds a " + otherLabel + " block but no '-----BEGIN CERTIFICATE REQUEST-----' block.");
                }
                int labelStart = begin + BeginPrefix.Length;
                int labelEnd = text.IndexOf(Dashes, labelStart, StringComparison.Ordinal);
                if (labelEnd < 0) throw new CsrFormatException("its '-----BEGIN' line is not closed with '-----'.");
                string label = text.Substring(labelStart, labelEnd - labelStart);
                search = labelEnd + Dashes.Length;
                if (label != Label && label != NewLabel)
                {
                    // Name the other block (e.g. PRIVATE KEY) but never echo its content.
                    otherLabel = otherLabel ?? ValidationText.Quote(label.Length > 40 ? label.Substring(0, 40) : label);
                    continue;
                }

                string endLine = EndPrefix + label + Dashes;
                int end = text.IndexOf(endLine, search, StringComparison.Ordinal);
                if (end < 0) throw new CsrFormatException("its PEM block has no '" + endLine + "' line (truncated?).");
                if (text.IndexOf(BeginPrefix + Label + Dashes, end, StringComparison.Ordinal) >= 0 ||
                    text.IndexOf(BeginPrefix + NewLabel + Dashes, end, StringComparison.Ordinal) >= 0)
                    throw new CsrFormatException("it holds more than one certificate request; pass one at a time.");

                byte[] der;
                try
                {
                    // Convert ignores spaces, tabs, CR and LF, so any line-ending style is fine.
                    der = Convert.FromBase64String(text.Substring(search, end - search));
                }
                catch (FormatException ex)
                {
                    throw new CsrFormatException("the base64 text inside its PEM block is not valid (a character outside base64, or cut short).", ex);
                }
                if (der.Length == 0) throw new CsrFormatException("its PEM block is empty.");
                CheckDerSize(der.Length);
                return der;
            }
        }

        private static string ToText(byte[] data)
        {
            // Windows PowerShell 5.1 writes UTF-16 files by default (Out-File, >).
            if (data.Length >= 2 && data[0] == 0xFF && data[1] == 0xFE) return Encoding.Unicode.GetString(data, 2, data.Length - 2);
            if (data.Length >= 2 && data[0] == 0xFE && data[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(data, 2, data.Length - 2);
            // One char per byte: PEM is ASCII, and other bytes around it are only skipped.
            var chars = new char[data.Length];
            for (int i = 0; i < data.Length; i++) chars[i] = (char)data[i];
            return new string(chars);
        }

        private static void CheckDerSize(int length)
        {
            if (length > MaxDerBytes)
                throw new CsrFormatException("it is " + length.ToString("N0", CultureInfo.InvariantCulture) +
                    " bytes long; CasPS accepts at most 65,536 (a real CSR is 1-3 KB).");
        }

        private static CsrFormatException TooLong(int length, string unit) =>
            new CsrFormatException("it is " + length.ToString("N0", CultureInfo.InvariantCulture) + " " + unit +
                " long; CasPS accepts at most " + MaxTextChars.ToString("N0", CultureInfo.InvariantCulture) + " characters of PEM text.");
    }
}
