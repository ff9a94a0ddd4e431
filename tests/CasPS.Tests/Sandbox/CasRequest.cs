using System.Net.Http;
using CasPS.Credentials;
using CasPS.Json;
using CasPS.Sandbox;
using CasPS.Signing;

namespace CasPS.Tests.Sandbox;

/// <summary>
/// A request signed with the module's own Acs3Signer, as a client would send it, with hooks to
/// break one thing at a time after signing (headers, Authorization, query, body).
/// </summary>
internal sealed class CasRequest
{
    public CasRequest(CasSandbox sandbox, string action = "DescribePackageState")
        : this(sandbox.Endpoint, sandbox.Host, sandbox.Credential, action) { }

    public CasRequest(string endpoint, string host, CloudCredential credential, string action = "DescribePackageState")
    {
        Endpoint = endpoint;
        Host = host;
        Credential = credential;
        Action = action;
    }

    public string Endpoint { get; set; }
    public string Host { get; set; }
    public CloudCredential Credential { get; set; }
    public string Action { get; set; }
    public string Version { get; set; } = CasActions.ApiVersion;
    public string Method { get; set; } = "POST";
    public List<KeyValuePair<string, string>> Query { get; } = new();
    public DateTime Date { get; set; } = DateTime.UtcNow;
    public string Nonce { get; set; } = Guid.NewGuid().ToString();
    public byte[] Body { get; set; } = Array.Empty<byte>();
    /// <summary>Body actually sent, when it should differ from the signed one.</summary>
    public byte[] SentBody { get; set; }
    /// <summary>Query string actually sent, when it should differ from the signed one.</summary>
    public string SentQuery { get; set; }
    public Action<SortedDictionary<string, string>> EditHeaders { get; set; }
    public Func<string, string> EditAuthorization { get; set; }

    public SignedRequest Signed { get; private set; }

    public CasRequest With(string name, string value)
    {
        Query.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public HttpRequestMessage Build()
    {
        Signed = Acs3Signer.Sign(new SigningInput
        {
            Method = Method, Host = Host, Action = Action, Version = Version,
            Query = Query, Body = Body, UtcNow = Date, Nonce = Nonce,
        }, Credential);
        var headers = new SortedDictionary<string, string>(Signed.Headers, StringComparer.Ordinal);
        EditHeaders?.Invoke(headers);

        string query = SentQuery ?? Signed.CanonicalQueryString;
        var message = new HttpRequestMessage(new HttpMethod(Method), Endpoint + "/" + (query.Length > 0 ? "?" + query : ""));
        var sent = SentBody ?? Body;
        if (Method == "POST" || sent.Length > 0) message.Content = new ByteArrayContent(sent);
        foreach (var h in headers)
        {
            if (h.Key == "host")
            {
                if (h.Value != Host) message.Headers.Host = h.Value;
                continue;
            }
            message.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }
        string authorization = EditAuthorization == null ? Signed.Authorization : EditAuthorization(Signed.Authorization);
        if (authorization != null) message.Headers.TryAddWithoutValidation("Authorization", authorization);
        return message;
    }

    public async Task<Answer> SendAsync(HttpClient http)
    {
        using var message = Build();
        using var response = await http.SendAsync(message);
        return new Answer(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.TryGetValues("x-acs-request-id", out var ids) ? ids.Single() : null);
    }

    public Answer Send(HttpClient http) => SendAsync(http).GetAwaiter().GetResult();
}

/// <summary>What came back: status, body text, Content-Type, x-acs-request-id.</summary>
internal sealed record Answer(int Status, string Body, string ContentType, string RequestIdHeader)
{
    public JsonNode Json => JsonReader.Parse(Body);
    public string Code => Json.GetString("Code");
    public string Message => Json.GetString("Message");
}
