namespace CasPS.Validation
{
    internal enum ValidationLevel { DV, OV, EV }

    /// <summary>What one unit of a product covers. Ambiguous: the documents disagree.</summary>
    internal enum ProductCoverage { Single, Wildcard, Ambiguous }

    /// <summary>One documented product code (reference §9.3), as the documents describe it.</summary>
    internal sealed class ProductInfo
    {
        public ProductInfo(string code, string brand, ValidationLevel level, ProductCoverage coverage, bool chinaSiteOnly, string note = null)
        {
            Code = code;
            Brand = brand;
            Level = level;
            Coverage = coverage;
            ChinaSiteOnly = chinaSiteOnly;
            Note = note;
        }

        public string Code { get; }
        public string Brand { get; }
        /// <summary>The level the documents state (cfca-ev-w-advanced: OV, despite its name).</summary>
        public ValidationLevel Level { get; }
        public ProductCoverage Coverage { get; }
        /// <summary>Sold on the China site (aliyun.com) only.</summary>
        public bool ChinaSiteOnly { get; }
        /// <summary>Where the documents are odd or disagree about this code; null otherwise.</summary>
        public string Note { get; }

        public override string ToString() => Code;
    }
}
