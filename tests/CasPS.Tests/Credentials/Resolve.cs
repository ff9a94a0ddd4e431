using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Shorthands over CredentialResolver for the tests.</summary>
internal static class Resolve
{
    /// <summary>Generous per-request metadata timeout: the loopback fake answers at once, but the machine may be busy.</summary>
    public static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    public static CloudCredential With(FakeEnvironment env, CredentialRequest request = null, CapturingLog log = null) =>
        CredentialResolver.Resolve(request ?? new CredentialRequest(), env, log ?? new CapturingLog(), CancellationToken.None, MetadataTimeout);

    public static CasPSException Failure(FakeEnvironment env, CredentialRequest request = null, CapturingLog log = null) =>
        Assert.Throws<CasPSException>(() => With(env, request, log));

    public static CredentialRequest Profile(string name) => new() { ProfileName = name };
}
