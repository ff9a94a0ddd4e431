using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Threading;
using System.Threading.Tasks;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The sandbox's request pipeline: fault plan, then signature verification, then the action,
    /// then the journal. Each answer carries a fresh RequestId; errors use the service's body shape.
    /// </summary>
    internal sealed class CasRequestHandler : IHttpHandler
    {
        private const string LoopbackHost = "127.0.0.1";

        private readonly SignatureVerifier _verifier;
        private readonly ActionRegistry _actions;
        private readonly SandboxFaultPlan _faults;
        private readonly SandboxRequestJournal _journal;
        private readonly Func<DateTime> _clock;

        public CasRequestHandler(SignatureVerifier verifier, ActionRegistry actions, SandboxFaultPlan faults,
            SandboxRequestJournal journal, Func<DateTime> clock)
        {
            _verifier = verifier;
            _actions = actions;
            _faults = faults;
            _journal = journal;
            _clock = clock;
        }

        public async Task<HttpResponseData> HandleAsync(HttpRequestData request, CancellationToken cancel)
        {
            var query = QueryStringParser.Parse(request.RawQuery);
            var parameters = ToDictionary(query);
            string action = request.Header("x-acs-action") ?? (parameters.TryGetValue("Action", out var a) ? a : null);
            var record = new SandboxRequestRecord(_clock(), request.Method, action, request.Header("x-acs-version"), ForJournal(parameters));
            string hostId = request.Header("host") ?? LoopbackHost;

            HttpResponseData response;
            try
            {
                var fault = _faults.Take(action);
                record.Fault = fault?.Kind;
                if (fault != null && fault.ReplacesAnswer)
                {
                    response = FaultResponses.Render(fault.Kind, hostId, out var faultCode);
                    record.ErrorCode = faultCode;
                }
                else
                {
                    if (fault?.Kind == SandboxFaultKind.SlowAnswer)
                        await Task.Delay(fault.Delay, cancel).ConfigureAwait(false);
                    response = Execute(request, query, parameters, record, hostId);
                    if (fault?.Kind == SandboxFaultKind.ConnectionResetAfterExecute) response = HttpResponseData.Dropped;
                }
            }
            catch (OperationCanceledException)
            {
                response = HttpResponseData.Dropped; // stopping while a slow answer waited
            }
            catch (Exception)
            {
                response = Fail(record, ServiceErrors.InternalError(), RequestIds.New(), hostId);
            }

            record.StatusCode = response.Drop ? 0 : response.Status;
            record.RequestId = response.Drop ? null : response.RequestId;
            _journal.Add(record); // before the answer leaves, so a client that got it finds the record
            return response;
        }

        public void OnRejected(int status, string code)
        {
            var record = new SandboxRequestRecord(_clock(), null, null, null, new ReadOnlyDictionary<string, string>(new Dictionary<string, string>()))
            {
                StatusCode = status,
                ErrorCode = code,
            };
            _journal.Add(record);
        }

        private HttpResponseData Execute(HttpRequestData request, List<KeyValuePair<string, string>> query,
            IReadOnlyDictionary<string, string> parameters, SandboxRequestRecord record, string hostId)
        {
            string requestId = RequestIds.New();
            if (request.Method != "POST" && request.Method != "GET")
                return Fail(record, ServiceErrors.UnsupportedMethod(), requestId, hostId);
            if (request.Path != "/")
                return Fail(record, ServiceErrors.ApiNotFound(), requestId, hostId);

            var error = _verifier.Verify(request, query, out var accessKeyId);
            record.AccessKeyId = accessKeyId;
            if (error != null) return Fail(record, error, requestId, hostId);
            record.Authenticated = true;

            var action = _actions.Find(record.Action, record.Version);
            if (action == null) return Fail(record, ServiceErrors.ApiNotFound(), requestId, hostId);

            var result = action.Execute(new ActionContext(requestId, parameters, accessKeyId, _clock()));
            if (result.Error != null) return Fail(record, result.Error, requestId, hostId);
            record.Executed = true;
            return HttpResponseData.Json(200, result.Json, requestId);
        }

        private static HttpResponseData Fail(SandboxRequestRecord record, ServiceError error, string requestId, string hostId)
        {
            record.ErrorCode = error.Code;
            return ErrorBody.Render(error, requestId, hostId);
        }

        // Last value wins for a repeated name; names are case-sensitive, as on the service.
        private static ReadOnlyDictionary<string, string> ToDictionary(List<KeyValuePair<string, string>> query)
        {
            var d = new Dictionary<string, string>(query.Count, StringComparer.Ordinal);
            foreach (var p in query) d[p.Key] = p.Value;
            return new ReadOnlyDictionary<string, string>(d);
        }

        // The journal must hold no token and no signature, even from a V2-style query.
        private static IReadOnlyDictionary<string, string> ForJournal(ReadOnlyDictionary<string, string> parameters)
        {
            if (!parameters.ContainsKey("SecurityToken") && !parameters.ContainsKey("Signature")) return parameters;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in parameters)
                if (p.Key != "SecurityToken" && p.Key != "Signature") d[p.Key] = p.Value;
            return new ReadOnlyDictionary<string, string>(d);
        }
    }
}
