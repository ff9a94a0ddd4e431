using CasPS.Http;

namespace CasPS.Tests.Credentials;

internal sealed class CapturingLog : ICallLog
{
    public List<string> Debugs { get; } = new();
    public List<string> Verboses { get; } = new();
    public List<string> Warnings { get; } = new();

    public IEnumerable<string> All => Debugs.Concat(Verboses).Concat(Warnings);

    public void Debug(string message) { lock (Debugs) Debugs.Add(message); }
    public void Verbose(string message) { lock (Verboses) Verboses.Add(message); }
    public void Warning(string message) { lock (Warnings) Warnings.Add(message); }
}
