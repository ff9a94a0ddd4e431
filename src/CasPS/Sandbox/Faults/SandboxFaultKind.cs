namespace CasPS.Sandbox
{
    /// <summary>The failures the sandbox can inject (see <see cref="SandboxFaultPlan"/>).</summary>
    public enum SandboxFaultKind
    {
        /// <summary>400 Throttling.User "Request was denied due to user flow control." The action does not run.</summary>
        Throttling,
        /// <summary>503 ServiceUnavailable (JSON error body). The action does not run.</summary>
        ServiceUnavailable,
        /// <summary>500 InternalError (JSON error body). The action does not run.</summary>
        InternalError,
        /// <summary>502 with an HTML body, as a load balancer sends it. The action does not run.</summary>
        BadGatewayHtml,
        /// <summary>500 with an empty body and no Content-Type. The action does not run.</summary>
        EmptyInternalError,
        /// <summary>200 whose body is not JSON. The action does not run.</summary>
        GarbageBody,
        /// <summary>The connection is reset before any response byte. The action does not run.</summary>
        ConnectionReset,
        /// <summary>The action runs (its effect happens), then the connection is reset: the answer is lost.</summary>
        ConnectionResetAfterExecute,
        /// <summary>The answer is delayed (default 2 s, or the delay given to EnqueueDelay), then given normally.</summary>
        SlowAnswer,
    }
}
