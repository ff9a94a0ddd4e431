namespace CasPS.Sandbox
{
    /// <summary>An error the sandbox answers with, as the real gateway would: HTTP status, Code, Message.</summary>
    internal sealed class ServiceError
    {
        public ServiceError(int status, string code, string message)
        {
            Status = status;
            Code = code;
            Message = message;
        }

        public int Status { get; }
        public string Code { get; }
        public string Message { get; }

        public override string ToString() => Status + " " + Code;
    }
}
