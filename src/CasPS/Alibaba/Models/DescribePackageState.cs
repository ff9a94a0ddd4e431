namespace CasPS.Alibaba.Models
{
    /// <summary>DescribePackageState input, named as in AlibabaCloud.SDK.Cas20200407.</summary>
    internal sealed class DescribePackageStateRequest
    {
        /// <summary>Optional; omitted, the service reports its default product.</summary>
        public string ProductCode { get; set; }
    }

    /// <summary>DescribePackageState answer. Counts are Int64, as the service documents them.</summary>
    internal sealed class DescribePackageStateResponseBody
    {
        public string ProductCode { get; set; }
        public long TotalCount { get; set; }
        public long UsedCount { get; set; }
        public long IssuedCount { get; set; }
        public string RequestId { get; set; }
    }
}
