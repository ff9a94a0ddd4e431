namespace CasPS
{
    /// <summary>
    /// What one input of New-CasCertificateRequest asked for; the TargetObject of its errors, so a
    /// runbook can tell which CSV row failed ($err.TargetObject.InputIndex, .Domain).
    /// </summary>
    public sealed class CasOrderInput
    {
        /// <summary>0-based position of the input in the pipeline (the Import-Csv row index).</summary>
        public int InputIndex { get; set; }
        /// <summary>-Domain exactly as given (before normalization).</summary>
        public string[] Domain { get; set; }
        public string CsrPath { get; set; }
        public bool CsrSupplied { get; set; }
        public string ProductCode { get; set; }

        public override string ToString() =>
            "input " + InputIndex + ": " + (Domain != null ? string.Join(",", Domain) : CsrPath ?? (CsrSupplied ? "CSR" : "(nothing)"));
    }
}
