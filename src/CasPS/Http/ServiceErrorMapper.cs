using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using CasPS.Errors;
using CasPS.Json;

namespace CasPS.Http
{
    /// <summary>
    /// Turns a non-2xx answer (JSON error body, HTML, empty or garbage) into a CasPSException with a
    /// stable ErrorId and category, keeping the service's Code, Message and RequestId. The service's
    /// Code is opaque text (CAS has answered numeric codes), so unknown codes map to ServiceError.
    /// </summary>
    internal static class ServiceErrorMapper
    {
        private static readonly Regex QuotaCode = new Regex("quota|insufficient|notenough|package", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex ServerStringToSign = new Regex("server string to sign is:.*", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        public static CasPSException Map(string action, int status, string body, string contentType)
        {
            string code = null, message = null, requestId = null;
            if (JsonReader.TryParse(body, out var json) && json.Kind == JsonKind.Object)
            {
                code = json.GetString("Code");
                message = json.GetString("Message");
                requestId = json.GetString("RequestId");
            }

            string errorId;
            ErrorCategory category;
            Classify(code, status, out errorId, out category);

            string detail = message != null
                ? Redact(message)
                : DescribeBody(status, body, contentType);
            string text = string.Format(CultureInfo.InvariantCulture, "{0} failed: {1} (Code: {2}, HTTP {3}, RequestId: {4})",
                action, detail, code ?? "none", status, requestId ?? "none");

            return new CasPSException(errorId, category, text)
            {
                ServiceCode = code,
                ServiceMessage = message != null ? Redact(message) : null,
                RequestId = requestId,
                HttpStatus = status,
                RecommendedAction = Recommend(errorId, requestId),
            };
        }

        /// <summary>Throttling codes prove the request was refused before it ran.</summary>
        public static bool IsThrottling(string code) =>
            code != null && (code.StartsWith("Throttling", StringComparison.OrdinalIgnoreCase) ||
                             code.Equals("Rejected.Throttling", StringComparison.OrdinalIgnoreCase) ||
                             code.Equals("Throttled", StringComparison.OrdinalIgnoreCase));

        public static bool IsNonceReplay(string code) =>
            string.Equals(code, "SignatureNonceUsed", StringComparison.OrdinalIgnoreCase);

        /// <summary>Worth retrying for a read: throttling, ServiceUnavailable and any 5xx.</summary>
        public static bool IsTransient(string code, int status) =>
            IsThrottling(code) || status >= 500 || status == 429 ||
            string.Equals(code, "ServiceUnavailable", StringComparison.OrdinalIgnoreCase);

        private static void Classify(string code, int status, out string errorId, out ErrorCategory category)
        {
            string c = code ?? string.Empty;
            if (IsThrottling(code) || status == 429) { errorId = ErrorIds.Throttled; category = ErrorCategory.LimitsExceeded; return; }
            if (c.StartsWith("SignatureDoesNotMatch", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("IncompleteSignature", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("InvalidAccessKeyId", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("InvalidAccessKeySecret", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("InvalidSecurityToken", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("InvalidTimeStamp", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("SignatureNonceUsed", StringComparison.OrdinalIgnoreCase) ||
                c.StartsWith("InvalidSignatureMethod", StringComparison.OrdinalIgnoreCase) ||
                c.Equals("Forbidden.AccessKeyDisabled", StringComparison.OrdinalIgnoreCase))
            { errorId = ErrorIds.AuthFailed; category = ErrorCategory.AuthenticationError; return; }
            if (c.StartsWith("Forbidden", StringComparison.OrdinalIgnoreCase) || c.StartsWith("NoPermission", StringComparison.OrdinalIgnoreCase) || (status == 403 && code == null))
            { errorId = ErrorIds.AccessDenied; category = ErrorCategory.PermissionDenied; return; }
            if (code != null && QuotaCode.IsMatch(c) && !c.StartsWith("Invalid", StringComparison.OrdinalIgnoreCase) && !c.StartsWith("Missing", StringComparison.OrdinalIgnoreCase))
            { errorId = ErrorIds.QuotaExhausted; category = ErrorCategory.QuotaExceeded; return; }
            if (c.IndexOf("OrderNotFound", StringComparison.OrdinalIgnoreCase) >= 0 || c.IndexOf("Order.NotFound", StringComparison.OrdinalIgnoreCase) >= 0 || c.IndexOf("OrderNotExist", StringComparison.OrdinalIgnoreCase) >= 0)
            { errorId = ErrorIds.OrderNotFound; category = ErrorCategory.ObjectNotFound; return; }
            errorId = ErrorIds.ServiceError;
            if (status >= 500 || c.Equals("ServiceUnavailable", StringComparison.OrdinalIgnoreCase)) category = ErrorCategory.ResourceUnavailable;
            else if (c.StartsWith("Invalid", StringComparison.OrdinalIgnoreCase) || c.StartsWith("Missing", StringComparison.OrdinalIgnoreCase)) category = ErrorCategory.InvalidArgument;
            else if (status == 404) category = ErrorCategory.ObjectNotFound;
            else category = ErrorCategory.InvalidOperation;
        }

        /// <summary>SignatureDoesNotMatch echoes the server's string to sign (parameter values); keep it out of logs.</summary>
        internal static string Redact(string message) =>
            ServerStringToSign.Replace(message, "server string to sign is: [omitted by CasPS]");

        private static string DescribeBody(int status, string body, string contentType)
        {
            if (string.IsNullOrWhiteSpace(body))
                return string.Format(CultureInfo.InvariantCulture, "the service answered HTTP {0} with an empty body", status);
            return string.Format(CultureInfo.InvariantCulture, "the service answered HTTP {0} with a body that is not a CAS error ({1}, {2} characters)",
                status, string.IsNullOrEmpty(contentType) ? "no content type" : contentType, body.Length);
        }

        private static string Recommend(string errorId, string requestId)
        {
            string withId = requestId == null ? string.Empty : " Quote RequestId " + requestId + " to Alibaba Cloud support.";
            switch (errorId)
            {
                case ErrorIds.Throttled: return "The account's API flow control refused the call. Retry later or raise -MaxRetryCount." + withId;
                case ErrorIds.AuthFailed: return "Check the AccessKey id and secret (and STS token), and that this machine's clock is correct." + withId;
                case ErrorIds.AccessDenied: return "Grant the RAM user or role the yundun-cert:* action named in the message." + withId;
                case ErrorIds.QuotaExhausted: return "The resource package has no quota left for this product. Check with Get-CasPackageState, or buy more." + withId;
                default: return string.IsNullOrEmpty(withId) ? null : withId.Trim();
            }
        }
    }
}
