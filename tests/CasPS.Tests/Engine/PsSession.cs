using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace CasPS.Tests.Engine;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed class PsResult
{
    public required Collection<PSObject> Output { get; init; }
    public required List<ErrorRecord> Errors { get; init; }
    public required List<string> Verbose { get; init; }
    public required List<string> Debug { get; init; }
    public required List<string> Warnings { get; init; }
    public required List<string> Information { get; init; }
    /// <summary>The terminating error, when the script threw.</summary>
    public RuntimeException Terminating { get; init; }

    public IEnumerable<object> BaseObjects => Output.Select(o => o.BaseObject);
    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>All text a user could see or log, for secret scans.</summary>
    public string AllText()
    {
        var parts = new List<string>();
        parts.AddRange(Output.Select(o => o?.ToString() ?? ""));
        foreach (var o in Output)
            foreach (var p in o.Properties)
            {
                try { parts.Add(p.Name + "=" + p.Value); } catch { }
            }
        foreach (var e in Errors.Concat(Terminating?.ErrorRecord is { } t ? new[] { t } : Array.Empty<ErrorRecord>()))
        {
            parts.Add(e.ToString());
            parts.Add(e.Exception?.ToString() ?? "");
            parts.Add(e.ErrorDetails?.Message ?? "");
            parts.Add(e.ErrorDetails?.RecommendedAction ?? "");
            parts.Add(e.CategoryInfo.ToString());
            parts.Add(e.TargetObject?.ToString() ?? "");
        }
        parts.AddRange(Verbose);
        parts.AddRange(Debug);
        parts.AddRange(Warnings);
        parts.AddRange(Information);
        if (Terminating != null) parts.Add(Terminating.ToString());
        return string.Join("\n", parts);
    }
}

/// <summary>
/// A real PowerShell engine in this process with the built module imported from out/CasPS,
/// as a user would import it. One runspace per instance; dispose it at the end of the test.
/// </summary>
public sealed class PsSession : IDisposable
{
    private readonly Runspace _runspace;

    public PsSession(bool importModule = true, PSHost host = null)
    {
        var iss = InitialSessionState.CreateDefault2();
        // Never set iss.ExecutionPolicy here: on Linux that throws PlatformNotSupportedException.
        _runspace = host != null ? RunspaceFactory.CreateRunspace(host, iss) : RunspaceFactory.CreateRunspace(iss);
        _runspace.Open();
        if (importModule)
        {
            var r = Run("Import-Module $args[0] -ErrorAction Stop", ModulePaths.ModuleManifest);
            if (r.Terminating != null) throw new InvalidOperationException("Import failed: " + r.Terminating.Message, r.Terminating);
        }
    }

    public Runspace Runspace => _runspace;

    public void SetVariable(string name, object value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs a script; $args holds the arguments. Terminating errors are captured, not thrown.</summary>
    public PsResult Run(string script, params object[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var a in args) ps.AddArgument(a);
        Collection<PSObject> output = new();
        RuntimeException terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }
        return new PsResult
        {
            Output = output,
            Errors = ps.Streams.Error.ToList(),
            Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
            Debug = ps.Streams.Debug.Select(v => v.Message).ToList(),
            Warnings = ps.Streams.Warning.Select(v => v.Message).ToList(),
            Information = ps.Streams.Information.Select(v => v.MessageData?.ToString() ?? "").ToList(),
            Terminating = terminating,
        };
    }

    public void Dispose() => _runspace.Dispose();
}
