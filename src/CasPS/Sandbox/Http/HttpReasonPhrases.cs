namespace CasPS.Sandbox
{
    /// <summary>Reason phrases for the status codes the sandbox sends.</summary>
    internal static class HttpReasonPhrases
    {
        public static string For(int status)
        {
            switch (status)
            {
                case 100: return "Continue";
                case 200: return "OK";
                case 400: return "Bad Request";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 411: return "Length Required";
                case 413: return "Payload Too Large";
                case 431: return "Request Header Fields Too Large";
                case 500: return "Internal Server Error";
                case 502: return "Bad Gateway";
                case 503: return "Service Unavailable";
                case 505: return "HTTP Version Not Supported";
                default: return "Status";
            }
        }
    }
}
