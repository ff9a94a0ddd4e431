using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CasPS.Validation
{
    /// <summary>
    /// Normalized domain names (lower-case, punycode, no trailing dot), in the order given.
    /// Built by <see cref="DomainValidator"/> for -Domain (never mixed, at most 5) and by
    /// <see cref="CsrValidator"/> for a CSR's CN and SANs (which may mix: see CsrInfo.Warnings).
    /// </summary>
    internal sealed class DomainSet
    {
        internal DomainSet(IList<string> normalizedNames)
        {
            var names = new string[normalizedNames.Count];
            normalizedNames.CopyTo(names, 0);
            Names = new ReadOnlyCollection<string>(names);
            foreach (var n in names)
            {
                if (IsWildcardName(n)) HasWildcard = true; else HasSingle = true;
            }
            ApiValue = string.Join(",", names);
        }

        public IReadOnlyList<string> Names { get; }
        public int Count => Names.Count;
        public bool HasWildcard { get; }
        public bool HasSingle { get; }
        /// <summary>All names are wildcards (false for an empty or mixed set).</summary>
        public bool IsWildcard => HasWildcard && !HasSingle;
        public bool IsMixed => HasWildcard && HasSingle;
        /// <summary>The value for the API's Domain field: the names joined with commas.</summary>
        public string ApiValue { get; }

        public bool Contains(string normalizedName)
        {
            foreach (var n in Names)
                if (string.Equals(n, normalizedName, StringComparison.Ordinal)) return true;
            return false;
        }

        public static bool IsWildcardName(string normalizedName) =>
            normalizedName.StartsWith("*.", StringComparison.Ordinal);

        public override string ToString() => ApiValue;
    }
}
