using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CasPS.Errors;

namespace CasPS.Validation
{
    /// <summary>
    /// Decides whether a CSR may be sent with an order: PEM or DER in, a well-formed PKCS#10 with
    /// an accepted key, a self-signature that verifies, a CN and SAN DNS names that pass the
    /// domain rules. Any refusal is CasPSException(InvalidCsr, InvalidArgument), message
    /// "CSR is not valid: ...". Bad CN/SAN names are InvalidCsr too (the fix is a new CSR, and the
    /// parameter at fault is -Csr), with messages saying they came from the CSR.
    /// </summary>
    internal static class CsrValidator
    {
        public const string DefaultParameterName = "Csr";

        /// <summary>PEM text (either CSR header, any line endings, text around it tolerated).</summary>
        public static CsrInfo Validate(string text, string parameterName = DefaultParameterName)
        {
            try { return Check(PemCodec.Decode(text)); }
            catch (CsrFormatException ex) { throw Error(ex, parameterName); }
        }

        /// <summary>File bytes: DER, or PEM text (ASCII/UTF-8, or UTF-16 with a BOM).</summary>
        public static CsrInfo Validate(byte[] data, string parameterName = DefaultParameterName)
        {
            try { return Check(PemCodec.Decode(data)); }
            catch (CsrFormatException ex) { throw Error(ex, parameterName); }
        }

        /// <summary>
        /// Warnings when -Domain is given with a CSR: the service binds the certificate to the CSR's
        /// CN, so -Domain names that differ from the CSR's are not what gets certified.
        /// </summary>
        public static IReadOnlyList<string> CompareWithDomains(CsrInfo csr, DomainSet domains)
        {
            var warnings = new List<string>();
            if (csr == null || domains == null || domains.Count == 0) return warnings;
            if (!domains.Contains(csr.CommonName))
                warnings.Add("The CSR's CN '" + csr.CommonName + "' is not among the -Domain names ('" + domains.ApiValue +
                    "'); the service binds the certificate to the CSR's CN, not to -Domain.");
            var missing = new List<string>();
            foreach (var name in domains.Names)
                if (!csr.Domains.Contains(name)) missing.Add(name);
            if (missing.Count > 0)
                warnings.Add("-Domain names not in the CSR ('" + string.Join("', '", missing) +
                    "') may not be covered: the service takes the names from the CSR.");
            return warnings;
        }

        private static CsrInfo Check(byte[] der)
        {
            var parsed = CsrParser.Parse(der);
            var key = CsrKeyPolicy.Evaluate(parsed.KeyAlgorithm, parsed.PublicKey);

            if (parsed.CommonName == null)
                throw new CsrFormatException("its subject has no CN (common name); CAS binds the certificate to the CN, so it is required.");
            string cn = Normalize(parsed.CommonName, "its subject CN");
            var names = new List<string> { cn };
            var sans = new List<string>();
            foreach (var dns in parsed.DnsNames)
            {
                string san = Normalize(dns, "its subjectAltName DNS name");
                if (!sans.Contains(san)) sans.Add(san);
                if (!names.Contains(san)) names.Add(san);
            }

            // Last: the most expensive check, after everything cheaper could refuse.
            string signatureAlgorithm = CsrSignatureVerifier.Verify(parsed, key);

            var domains = new DomainSet(names);
            return new CsrInfo
            {
                CommonName = cn,
                SubjectAlternativeNames = sans.AsReadOnly(),
                KeyAlgorithm = key.Algorithm,
                KeySize = key.KeySize,
                CurveName = key.CurveName,
                SignatureAlgorithm = signatureAlgorithm,
                Pem = PemCodec.Encode(der),
                Domains = domains,
                Warnings = Warnings(cn, domains),
            };
        }

        private static IReadOnlyList<string> Warnings(string cn, DomainSet domains)
        {
            var warnings = new List<string>();
            if (domains.Count > DomainValidator.MaxNames)
                warnings.Add("The CSR names " + domains.Count.ToString(CultureInfo.InvariantCulture) + " domains (CN and SANs); " +
                    "a Domain list takes at most 5, and how CAS treats a CSR's SANs is not documented.");
            if (domains.IsMixed)
                warnings.Add("The CSR mixes single names and wildcards (CN and SANs); the certificate is bound to its CN '" + cn +
                    "', and how CAS treats the other names is not documented.");
            return warnings.AsReadOnly();
        }

        /// <summary>
        /// The -Domain rules, minus their forgiveness for typing: a CSR's names go to the CA as
        /// written, so spaces around a name or a trailing dot are refused, not trimmed.
        /// </summary>
        private static string Normalize(string raw, string what)
        {
            if (raw.Length > 0 && (char.IsWhiteSpace(raw[0]) || char.IsWhiteSpace(raw[raw.Length - 1])))
                throw new CsrFormatException(what + " " + ValidationText.Quote(raw) + " has spaces around it; the CA takes the name as written.");
            if (raw.Length > 1 && raw[raw.Length - 1] == '.')
                throw new CsrFormatException(what + " " + ValidationText.Quote(raw) + " ends with a dot; certificate names are written without it.");
            if (!DomainValidator.TryNormalizeName(raw, out string normalized, out string reason))
                throw new CsrFormatException(what + " " + ValidationText.Quote(raw) + " is not a valid domain name: " + reason);
            return normalized;
        }

        private static CasPSException Error(CsrFormatException ex, string parameterName) =>
            new CasPSException(ErrorIds.InvalidCsr, ErrorCategory.InvalidArgument,
                ValidationText.ForParameter(parameterName ?? DefaultParameterName, "CSR is not valid: " + ex.Message), ex.InnerException ?? ex)
            {
                Reason = "CSR is not valid: " + ex.Message,
                ParameterName = parameterName ?? DefaultParameterName,
                RecommendedAction = "Pass one PEM (or DER) PKCS#10 request signed by its own RSA (2048 bits or more) or EC " +
                    "P-256/P-384/P-521 key, whose subject CN is the domain name.",
            };
    }
}
