namespace CasPS
{
    /// <summary>How domain ownership is proven; sent to the API as ValidateType DNS or FILE.</summary>
    public enum CasValidationMethod
    {
        /// <summary>Publish a TXT (or CNAME) record in the domain's DNS.</summary>
        Dns,
        /// <summary>Serve a file under /.well-known/pki-validation/ on the domain's web server.</summary>
        File,
    }
}
