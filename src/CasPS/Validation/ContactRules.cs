using System.Management.Automation;
using System.Text.RegularExpressions;
using CasPS.Errors;

namespace CasPS.Validation
{
    /// <summary>
    /// Light checks on the contact fields: the CA mails and phones these, and a typo found after
    /// the order was placed costs a support ticket. Deliberately permissive beyond the obvious.
    /// </summary>
    internal static class ContactRules
    {
        private static readonly Regex EmailPattern = new Regex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant);
        private static readonly Regex PhonePattern = new Regex(@"^\+?[0-9][0-9 ()\-]{4,24}$", RegexOptions.CultureInvariant);

        public static string Email(string value) => Check(value, "Email", EmailPattern, 254,
            "an address such as tom.zhang@example.com");

        public static string Phone(string value) => Check(value, "Phone", PhonePattern, 25,
            "digits with optional leading +, spaces, hyphens or parentheses, such as 13000000000 or +86 130-0000-0000");

        private static string Check(string value, string parameter, Regex pattern, int maxLength, string rule)
        {
            if (value == null) return null;
            string v = value.Trim();
            if (v.Length > maxLength || !pattern.IsMatch(v))
                throw new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                    ValidationText.ForParameter(parameter, "'" + value + "' is not valid: expected " + rule + ".")) { ParameterName = parameter };
            return v;
        }
    }
}
