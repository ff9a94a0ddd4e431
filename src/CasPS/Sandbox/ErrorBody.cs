using CasPS.Json;

namespace CasPS.Sandbox
{
    /// <summary>Renders an error in the service's JSON shape (reference §6.1), members in the service's order.</summary>
    internal static class ErrorBody
    {
        private const string Troubleshoot = "https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=";

        public static HttpResponseData Render(ServiceError error, string requestId, string hostId)
        {
            string json = new JsonWriter()
                .Add("RequestId", requestId)
                .Add("HostId", hostId)
                .Add("Code", error.Code)
                .Add("Message", error.Message)
                .Add("Recommend", Troubleshoot + error.Code + "&product=cas&requestId=" + requestId)
                .ToString();
            return HttpResponseData.Json(error.Status, json, requestId);
        }
    }
}
