namespace CasPS.Sandbox
{
    /// <summary>What each answer-replacing fault sends back.</summary>
    internal static class FaultResponses
    {
        private const string BadGatewayHtml =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n";

        private const string Garbage = "<!DOCTYPE html><p>maintenance</p>\u0000{\"RequestId\":";

        /// <summary>The answer for a fault that replaces the service's; <paramref name="errorCode"/> is the JSON Code, if any.</summary>
        public static HttpResponseData Render(SandboxFaultKind kind, string hostId, out string errorCode)
        {
            errorCode = null;
            switch (kind)
            {
                case SandboxFaultKind.Throttling: return Error(ServiceErrors.Throttling(), hostId, out errorCode);
                case SandboxFaultKind.ServiceUnavailable: return Error(ServiceErrors.ServiceUnavailable(), hostId, out errorCode);
                case SandboxFaultKind.InternalError: return Error(ServiceErrors.InternalError(), hostId, out errorCode);
                case SandboxFaultKind.BadGatewayHtml: return HttpResponseData.Text(502, "text/html", BadGatewayHtml, null);
                case SandboxFaultKind.EmptyInternalError: return HttpResponseData.Text(500, null, string.Empty, null);
                case SandboxFaultKind.GarbageBody: return HttpResponseData.Text(200, "application/json;charset=utf-8", Garbage, null);
                case SandboxFaultKind.ConnectionReset: return HttpResponseData.Dropped;
                default: throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "This fault does not replace the answer.");
            }
        }

        private static HttpResponseData Error(ServiceError error, string hostId, out string errorCode)
        {
            errorCode = error.Code;
            return ErrorBody.Render(error, RequestIds.New(), hostId);
        }
    }
}
