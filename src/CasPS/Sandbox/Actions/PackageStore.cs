using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

using CasPS.Validation;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Per-product quota counters, thread-safe. Products configured at start have their
    /// TotalCount; other documented products exist with zero quota; any other code is unknown.
    /// Each product's counters change under its own lock, so concurrent orders never overspend.
    /// </summary>
    internal sealed class PackageStore
    {
        private sealed class Counters
        {
            public Counters(long total) { Total = total; }
            public readonly long Total;
            public long Used;
            public long Issued;
        }

        private readonly ConcurrentDictionary<string, Counters> _packages = new ConcurrentDictionary<string, Counters>(StringComparer.Ordinal);
        private readonly SortedDictionary<string, long> _configured = new SortedDictionary<string, long>(StringComparer.Ordinal);

        public PackageStore(IDictionary<string, long> quota)
        {
            foreach (var entry in quota)
            {
                if (entry.Value < 0) throw new ArgumentOutOfRangeException(nameof(quota), "A quota cannot be negative.");
                _packages[entry.Key] = new Counters(entry.Value);
                _configured[entry.Key] = entry.Value;
            }
        }

        /// <summary>TotalCount per configured product, as set at start.</summary>
        public IDictionary<string, long> ConfiguredTotals() => new SortedDictionary<string, long>(_configured, StringComparer.Ordinal);

        /// <summary>The product's counters; false for a code neither configured nor documented.</summary>
        public bool TryGetState(string productCode, out PackageSnapshot state)
        {
            var counters = Find(productCode);
            if (counters == null)
            {
                state = default(PackageSnapshot);
                return false;
            }
            lock (counters) state = new PackageSnapshot(productCode, counters.Total, counters.Used, counters.Issued);
            return true;
        }

        /// <summary>Spends one unit (UsedCount + 1) if any is left: what an accepted Create* order does.</summary>
        public QuotaConsumption TryConsume(string productCode, out PackageSnapshot after)
        {
            after = default(PackageSnapshot);
            var counters = Find(productCode);
            if (counters == null) return QuotaConsumption.UnknownProduct;
            lock (counters)
            {
                bool spent = counters.Used < counters.Total;
                if (spent) counters.Used++;
                after = new PackageSnapshot(productCode, counters.Total, counters.Used, counters.Issued);
                return spent ? QuotaConsumption.Consumed : QuotaConsumption.Exhausted;
            }
        }

        /// <summary>Counts an issued certificate (IssuedCount + 1): what an order reaching "certificate" does.</summary>
        public bool RecordIssued(string productCode)
        {
            var counters = Find(productCode);
            if (counters == null) return false;
            lock (counters) counters.Issued++;
            return true;
        }

        // Documented products that were not configured materialize with zero quota on first use.
        private Counters Find(string productCode)
        {
            if (productCode == null) return null;
            if (_packages.TryGetValue(productCode, out var c)) return c;
            return ProductCatalog.IsKnown(productCode) ? _packages.GetOrAdd(productCode, _ => new Counters(0)) : null;
        }
    }
}
