namespace CasPS.Sandbox
{
    /// <summary>One product's counters at one moment (what DescribePackageState answers).</summary>
    internal struct PackageSnapshot
    {
        public PackageSnapshot(string productCode, long totalCount, long usedCount, long issuedCount)
        {
            ProductCode = productCode;
            TotalCount = totalCount;
            UsedCount = usedCount;
            IssuedCount = issuedCount;
        }

        public string ProductCode { get; }
        public long TotalCount { get; }
        public long UsedCount { get; }
        public long IssuedCount { get; }
    }
}
