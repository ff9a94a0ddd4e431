namespace CasPS.Sandbox
{
    /// <summary>An action's outcome: a JSON model (HTTP 200, no envelope) or a service error.</summary>
    internal sealed class ActionResult
    {
        private ActionResult(string json, ServiceError error)
        {
            Json = json;
            Error = error;
        }

        public string Json { get; }
        public ServiceError Error { get; }

        public static ActionResult Ok(string json) => new ActionResult(json, null);
        public static ActionResult Fail(ServiceError error) => new ActionResult(null, error);
    }
}
