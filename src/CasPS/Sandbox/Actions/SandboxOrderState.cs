namespace CasPS.Sandbox
{
    /// <summary>
    /// An order's state, as DescribeCertificateState's Type reports it (reference §5.3). The
    /// members are spelled exactly as the service writes them (including "unknow"), so ToString()
    /// is the wire value and PowerShell users compare with the documented strings:
    /// <c>$s.Orders[0].State -eq 'domain_verify'</c>.
    /// </summary>
    public enum SandboxOrderState
    {
        /// <summary>Awaiting domain validation (DNS record or file); where every new order starts.</summary>
        domain_verify,
        /// <summary>The CA is reviewing.</summary>
        process,
        /// <summary>Review failed; terminal.</summary>
        verify_fail,
        /// <summary>Issued; terminal.</summary>
        certificate,
        /// <summary>Pending application.</summary>
        payed,
        /// <summary>Unknown (the service's own spelling).</summary>
        unknow,
    }
}
