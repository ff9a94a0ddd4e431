using System.Net;
using CasPS.Credentials;
using CasPS.Signing;

namespace CasPS.Benchmarks.Infrastructure;

/// <summary>
/// The yardstick of design §4: a bare, signed HttpClient request. Signs DescribePackageState
/// with Acs3Signer and sends it with one reused HttpClient; no retries, no JSON parsing, no
/// error mapping. What CasPS adds on top of this is what the per-call target bounds.
/// </summary>
internal sealed class BareSignedClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CloudCredential _credential;
    private readonly string _host;
    private readonly string _baseUri;

    public BareSignedClient(string endpoint, CloudCredential credential, int maxConnections = int.MaxValue)
    {
        var uri = new Uri(endpoint);
        _host = uri.Authority;
        _baseUri = uri.GetLeftPart(UriPartial.Authority) + "/";
        _credential = credential;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpRequestMessage Build(string productCode)
    {
        var signed = Acs3Signer.Sign(new SigningInput
        {
            Method = "POST",
            Host = _host,
            Action = "DescribePackageState",
            Version = "2020-04-07",
            Query = new List<KeyValuePair<string, string>> { new("ProductCode", productCode) },
            UtcNow = DateTime.UtcNow,
            Nonce = Guid.NewGuid().ToString("N"),
        }, _credential);
        var request = new HttpRequestMessage(HttpMethod.Post, _baseUri + "?" + signed.CanonicalQueryString);
        foreach (var h in signed.Headers)
            if (h.Key != "host") request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        return request;
    }

    /// <summary>One call, synchronously (as CasTransport runs it on the pipeline thread); returns the body.</summary>
    public string Send(string productCode)
    {
        using var request = Build(productCode);
        using var response = _http.SendAsync(request, HttpCompletionOption.ResponseContentRead).GetAwaiter().GetResult();
        string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException("HTTP " + (int)response.StatusCode + ": " + body);
        return body;
    }

    /// <summary>One call, asynchronously (load generation); true on HTTP 200.</summary>
    public async Task<bool> SendAsync(string productCode, CancellationToken cancel)
    {
        using var request = Build(productCode);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public void Dispose() => _http.Dispose();
}
