using System.Globalization;
using CasPS.Validation;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The catalogue of error codes the sandbox returns, with the real service's statuses and
    /// message texts (reference §6.2). Messages never carry the secret or the token.
    /// </summary>
    internal static class ServiceErrors
    {
        /// <summary>
        /// Quota exhausted on a Create* call. CAS's own code is undocumented; this one is what
        /// CasPS's client maps to CasPS.QuotaExhausted (codes naming a package or quota).
        /// </summary>
        public const string NotEnoughPackageCode = "NotEnoughPackage";

        public static ServiceError IncompleteSignature(string detail) =>
            new ServiceError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. " + detail);

        public static ServiceError AccessKeyNotFound() =>
            new ServiceError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

        public static ServiceError TimeStampFormat() =>
            new ServiceError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

        public static ServiceError TimeStampExpired() =>
            new ServiceError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

        public static ServiceError ContentHashMismatch() =>
            new ServiceError(400, "SignatureDoesNotMatch", "Specified content hash (x-acs-content-sha256) does not match the SHA-256 of the request body.");

        /// <summary>Echoes the server's string to sign, as the real service does, to help debugging.</summary>
        public static ServiceError SignatureMismatch(string stringToSign) =>
            new ServiceError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

        public static ServiceError NonceUsed() =>
            new ServiceError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

        public static ServiceError MissingSecurityToken() =>
            new ServiceError(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");

        public static ServiceError SecurityTokenMismatch() =>
            new ServiceError(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");

        public static ServiceError UnsupportedMethod() =>
            new ServiceError(400, "UnsupportedHTTPMethod", "Specified http method is not supported.");

        public static ServiceError ApiNotFound() =>
            new ServiceError(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");

        public static ServiceError InvalidProductCode(string value) =>
            new ServiceError(400, "InvalidParameter.ProductCode", "The specified parameter ProductCode \"" + value + "\" is not valid.");

        public static ServiceError DomainAndCsrMissing() =>
            new ServiceError(400, "MissingParameter", "Domain and Csr cannot both be empty: specify the domain names, a CSR, or both.");

        public static ServiceError InvalidValidateType(string value) =>
            new ServiceError(400, "InvalidParameter.ValidateType", "The specified parameter ValidateType " + ValidationText.Quote(value) +
                " is not valid: use DNS or FILE.");

        /// <summary>The reason is the domain rules' own message, naming the value and the rule it breaks.</summary>
        public static ServiceError InvalidDomain(string reason) =>
            new ServiceError(400, "InvalidParameter.Domain", reason);

        /// <summary>The reason is the CSR checks' own message ("CSR is not valid: ...").</summary>
        public static ServiceError InvalidCsr(string reason) =>
            new ServiceError(400, "InvalidParameter.Csr", reason);

        public static ServiceError InvalidTags(string reason) =>
            new ServiceError(400, "InvalidParameter.Tags", reason);

        public static ServiceError NotEnoughPackage(PackageSnapshot package) =>
            new ServiceError(400, NotEnoughPackageCode, "The certificate resource package of product '" + package.ProductCode +
                "' has no quota left (Total " + package.TotalCount.ToString(CultureInfo.InvariantCulture) +
                ", Used " + package.UsedCount.ToString(CultureInfo.InvariantCulture) + ").");

        public static ServiceError Throttling() =>
            new ServiceError(400, "Throttling.User", "Request was denied due to user flow control.");

        public static ServiceError ServiceUnavailable() =>
            new ServiceError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

        public static ServiceError InternalError() =>
            new ServiceError(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");
    }
}
