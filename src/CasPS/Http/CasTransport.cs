using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CasPS.Credentials;
using CasPS.Errors;
using CasPS.Json;
using CasPS.Signing;

namespace CasPS.Http
{
    /// <summary>
    /// Signs and sends one API call, retrying what is safe to retry. Runs its retry loop on the
    /// caller's thread so retries can be reported with WriteVerbose. Each attempt gets a fresh
    /// date, nonce and signature (a reused nonce is refused as SignatureNonceUsed).
    /// </summary>
    internal sealed class CasTransport
    {
        private static readonly string UserAgent = "CasPS/" + typeof(CasTransport).Assembly.GetName().Version.ToString(3) +
                                                     " (" + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ")";
        private readonly HttpClient _http;
        private readonly TransportOptions _options;

        public CasTransport(HttpClient http, TransportOptions options)
        {
            _http = http;
            _options = options;
        }

        /// <summary>Test and diagnostics hook: the clock used for x-acs-date.</summary>
        internal Func<DateTime> UtcNow = () => DateTime.UtcNow;

        public ApiResponse Send(ApiCall call, CancellationToken cancel)
        {
            var log = _options.Log;
            for (int attempt = 0; ; attempt++)
            {
                cancel.ThrowIfCancellationRequested();
                CasPSException failure;
                TimeSpan? retryAfter = null;
                bool retryable;
                try
                {
                    var result = SendOnce(call, cancel, out failure, out retryAfter, out retryable);
                    if (result != null)
                    {
                        result.Attempts = attempt + 1;
                        return result;
                    }
                }
                catch (AttemptFailedException ex)
                {
                    failure = ex.Failure;
                    retryable = ex.Retryable;
                }

                if (!retryable || attempt >= _options.MaxRetryCount)
                {
                    if (retryable && attempt > 0)
                        log.Verbose(string.Format(CultureInfo.InvariantCulture, "CasPS: {0} gave up after {1} attempts.", call.Action, attempt + 1));
                    throw failure;
                }

                var delay = RetryPolicy.Delay(attempt, retryAfter);
                log.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "CasPS: {0} attempt {1} of {2} failed ({3}); retrying in {4} ms.",
                    call.Action, attempt + 1, _options.MaxRetryCount + 1, failure.ServiceCode ?? failure.ErrorId, (int)delay.TotalMilliseconds));
                if (cancel.WaitHandle.WaitOne(delay)) cancel.ThrowIfCancellationRequested();
            }
        }

        private ApiResponse SendOnce(ApiCall call, CancellationToken cancel, out CasPSException failure, out TimeSpan? retryAfter, out bool retryable)
        {
            failure = null;
            retryAfter = null;
            retryable = false;
            var endpoint = _options.Endpoint;
            var signed = Acs3Signer.Sign(new SigningInput
            {
                Method = "POST",
                Host = endpoint.Authority,
                Action = call.Action,
                Version = call.Version,
                Query = call.Query,
                UtcNow = UtcNow(),
                Nonce = Guid.NewGuid().ToString("N"),
            }, _options.Credential);

            var uri = new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/" +
                              (signed.CanonicalQueryString.Length > 0 ? "?" + signed.CanonicalQueryString : string.Empty));
            using (var request = new HttpRequestMessage(HttpMethod.Post, uri))
            {
                foreach (var h in signed.Headers)
                    if (h.Key != "host") request.Headers.TryAddWithoutValidation(h.Key, h.Value);
                request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
                request.Headers.TryAddWithoutValidation("Accept", "application/json");
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                // An empty body (Content-Length: 0, same signed empty-payload hash). Without content,
                // .NET's SocketsHttpHandler silently resends a request whose pooled connection drops
                // before any answer byte (dotnet/runtime#86714): the resend carries the same nonce,
                // so a request that did reach the service comes back as SignatureNonceUsed
                // (AuthFailed) instead of a retryable network error, or for an order instead of
                // OrderMayExist; and a retry nobody logged breaks "retries show in -Verbose".
                // Once content is sent .NET never retries, so every retry is ours, with a fresh nonce.
                request.Content = new ByteArrayContent(new byte[0]);

                _options.Log.Debug(string.Format(CultureInfo.InvariantCulture, "CasPS: POST {0} action {1} parameters {2}",
                    endpoint.GetLeftPart(UriPartial.Authority), call.Action, string.Join(",", call.Query.Select(q => q.Key))));

                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
                {
                    timeout.CancelAfter(_options.Timeout);
                    HttpResponseMessage response;
                    string body;
                    try
                    {
                        response = _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).GetAwaiter().GetResult();
                        body = response.Content == null ? string.Empty : response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                    {
                        throw new AttemptFailedException(Ambiguous(call, ErrorIds.Timeout, ErrorCategory.OperationTimeout,
                            string.Format(CultureInfo.InvariantCulture, "{0} got no answer from {1} within {2} s.", call.Action, endpoint.Host, _options.Timeout.TotalSeconds), null),
                            call.Idempotent);
                    }
                    catch (HttpRequestException ex)
                    {
                        bool neverSent = IsConnectFailure(ex);
                        var f = neverSent
                            ? new CasPSException(ErrorIds.NetworkError, ErrorCategory.ConnectionError,
                                string.Format(CultureInfo.InvariantCulture, "{0} could not connect to {1}: {2}", call.Action, endpoint.GetLeftPart(UriPartial.Authority), Innermost(ex).Message), ex)
                            : Ambiguous(call, ErrorIds.NetworkError, ErrorCategory.ConnectionError,
                                string.Format(CultureInfo.InvariantCulture, "{0} lost the connection to {1}: {2}", call.Action, endpoint.GetLeftPart(UriPartial.Authority), Innermost(ex).Message), ex);
                        // A connection that was never made proves the call did not run: safe to retry even an order.
                        throw new AttemptFailedException(f, call.Idempotent || neverSent);
                    }

                    using (response)
                    {
                        int status = (int)response.StatusCode;
                        string headerRequestId = response.Headers.TryGetValues("x-acs-request-id", out var ids) ? ids.FirstOrDefault() : null;
                        if (status >= 200 && status < 300)
                        {
                            if (JsonReader.TryParse(body, out var json) && json.Kind == JsonKind.Object)
                                return new ApiResponse { Body = json, StatusCode = status, RequestId = json.GetString("RequestId") ?? headerRequestId };
                            var bad = new CasPSException(ErrorIds.InvalidResponse, ErrorCategory.InvalidResult,
                                string.Format(CultureInfo.InvariantCulture, "{0} answered HTTP {1} with a body that is not JSON ({2} characters).", call.Action, status, body.Length))
                            { HttpStatus = status, RequestId = headerRequestId };
                            failure = call.Idempotent ? bad : AsAmbiguous(bad, call);
                            retryable = call.Idempotent;
                            return null;
                        }

                        failure = ServiceErrorMapper.Map(call.Action, status, body, response.Content?.Headers.ContentType?.MediaType);
                        if (failure.RequestId == null) failure.RequestId = headerRequestId;
                        retryAfter = RetryAfter(response);
                        if (call.Idempotent)
                            retryable = ServiceErrorMapper.IsTransient(failure.ServiceCode, status);
                        else
                        {
                            // Only throttling proves a quota-spending call did not run; a 5xx may come after it ran.
                            retryable = ServiceErrorMapper.IsThrottling(failure.ServiceCode);
                            // Each attempt has a fresh nonce, so "nonce used" can only mean an earlier copy of
                            // this very attempt reached the service (a resend below CasPS, e.g. by a proxy):
                            // that copy may have created the order.
                            if (!retryable && (status >= 500 || ServiceErrorMapper.IsNonceReplay(failure.ServiceCode)))
                                failure = AsAmbiguous(failure, call);
                        }
                        return null;
                    }
                }
            }
        }

        private static CasPSException Ambiguous(ApiCall call, string errorId, ErrorCategory category, string message, Exception inner)
        {
            var ex = new CasPSException(errorId, category, message, inner);
            return call.Idempotent ? ex : AsAmbiguous(ex, call);
        }

        /// <summary>
        /// A quota-spending call failed in a way that does not prove it did not run. Say so plainly,
        /// with what is known, so nobody resubmits blindly and pays twice.
        /// </summary>
        private static CasPSException AsAmbiguous(CasPSException failure, ApiCall call)
        {
            string message = failure.Message + " The order may have been created: CasPS did not retry, so at most one order exists for this request.";
            return new CasPSException(ErrorIds.OrderMayExist, ErrorCategory.OperationTimeout, message, failure)
            {
                ServiceCode = failure.ServiceCode,
                ServiceMessage = failure.ServiceMessage,
                RequestId = failure.RequestId,
                HttpStatus = failure.HttpStatus,
                MayHaveExecuted = true,
                RecommendedAction = "Before submitting again, look for the order in the CAS console (Certificate Application list) or with ListUserCertificateOrder" +
                                    (failure.RequestId != null ? "; quote RequestId " + failure.RequestId + " to support" : string.Empty) + ".",
            };
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("x-acs-retry-after", out var values) &&
                long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out long ms) && ms > 0)
                return TimeSpan.FromMilliseconds(ms);
            return null;
        }

        /// <summary>True when no connection was established, so the request never reached the service.</summary>
        private static bool IsConnectFailure(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException se)
                    return se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.HostNotFound ||
                           se.SocketErrorCode == SocketError.HostUnreachable || se.SocketErrorCode == SocketError.NetworkUnreachable ||
                           se.SocketErrorCode == SocketError.TryAgain || se.SocketErrorCode == SocketError.NoData;
            }
            return false;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        /// <summary>Carries a failed attempt out of the send path to the retry decision.</summary>
        private sealed class AttemptFailedException : Exception
        {
            public AttemptFailedException(CasPSException failure, bool retryable) { Failure = failure; Retryable = retryable; }
            public CasPSException Failure { get; }
            public bool Retryable { get; }
        }
    }
}
