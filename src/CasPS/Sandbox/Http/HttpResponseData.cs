using System.Text;

namespace CasPS.Sandbox
{
    /// <summary>What to answer: a status, a body, or (for fault injection) no answer at all.</summary>
    internal sealed class HttpResponseData
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        public int Status { get; private set; }
        public string Reason { get; private set; }
        /// <summary>Null for no Content-Type header (e.g. an empty 500).</summary>
        public string ContentType { get; private set; }
        public byte[] Body { get; private set; } = HttpRequestData.NoBody;
        /// <summary>The x-acs-request-id header, as the real gateway sends it; null to omit.</summary>
        public string RequestId { get; private set; }
        /// <summary>Close the connection after this answer.</summary>
        public bool CloseConnection { get; private set; }
        /// <summary>Reset the connection instead of answering: the client gets no response byte.</summary>
        public bool Drop { get; private set; }

        public static readonly HttpResponseData Dropped = new HttpResponseData { Drop = true };

        public static HttpResponseData Json(int status, string json, string requestId) =>
            Text(status, "application/json;charset=utf-8", json, requestId);

        public static HttpResponseData Text(int status, string contentType, string text, string requestId) =>
            new HttpResponseData
            {
                Status = status,
                Reason = HttpReasonPhrases.For(status),
                ContentType = contentType,
                Body = text.Length == 0 ? HttpRequestData.NoBody : Utf8.GetBytes(text),
                RequestId = requestId,
            };

        /// <summary>An answer from the HTTP layer itself (bad framing); the connection is closed after it.</summary>
        public static HttpResponseData Protocol(int status, string message) =>
            new HttpResponseData
            {
                Status = status,
                Reason = HttpReasonPhrases.For(status),
                ContentType = "text/plain;charset=utf-8",
                Body = Utf8.GetBytes(message),
                CloseConnection = true,
            };
    }
}
