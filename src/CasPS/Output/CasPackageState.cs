namespace CasPS
{
    /// <summary>How much of a certificate resource package is left (Get-CasPackageState).</summary>
    public sealed class CasPackageState
    {
        /// <summary>The product (certificate specification) the counts are for.</summary>
        public string ProductCode { get; set; }
        /// <summary>Certificates bought for this product.</summary>
        public long TotalCount { get; set; }
        /// <summary>Applications submitted, issued or not: each successful order counts.</summary>
        public long UsedCount { get; set; }
        /// <summary>Certificates issued.</summary>
        public long IssuedCount { get; set; }
        /// <summary>TotalCount - UsedCount, never below zero (the service does not return it).</summary>
        public long RemainingCount { get; set; }
        public string RequestId { get; set; }

        public override string ToString() => ProductCode + ": " + RemainingCount + " of " + TotalCount + " left";
    }
}
