namespace CasPS.Tests.Engine;

/// <summary>
/// The README's first command runs examples/Demo.ps1 under pwsh; pwsh is not on this machine,
/// so the very same script runs here in the hosted engine and its output is checked.
/// </summary>
public class DemoScriptTests
{
    [Fact]
    public void Demo_runs_green_against_the_sandbox_and_shows_the_quota_it_spent()
    {
        using var ps = new PsSession(importModule: false);
        var demo = Path.Combine(ModulePaths.RepoRoot, "examples", "Demo.ps1");
        var r = ps.Run("& $args[0] -ModulePath $args[1]", demo, ModulePaths.ModuleManifest);

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var states = r.Objects<CasPackageState>().ToList();
        Assert.Equal(4, states.Count);
        Assert.Equal(new[] { "digicert-free-1-free", "geotrust-dv-w-starter", "digicert-free-1-free", "geotrust-dv-w-starter" }, states.Select(s => s.ProductCode));
        Assert.Equal(0, states[0].UsedCount);
        Assert.Equal(20, states[0].RemainingCount);
        Assert.Equal(1, states[2].UsedCount);
        Assert.Equal(19, states[2].RemainingCount);
        Assert.Equal(0, states[3].UsedCount); // the -WhatIf order spent nothing

        var order = Assert.Single(r.Objects<CasCertificateOrder>());
        Assert.True(order.OrderId > 9007199254740992L, "OrderId above 2^53");
        Assert.Equal(new[] { "www.example.com" }, order.Domain);
        Assert.Equal(CasValidationMethod.Dns, order.ValidationMethod);
        Assert.Contains(r.BaseObjects.OfType<string>(), s => s.StartsWith("Quota before ordering (sandbox at http://127.0.0.1:", StringComparison.Ordinal));

        // The demo cleans up after itself.
        Assert.Empty(ps.Run("Stop-CasSandbox -PassThru").Output);
    }
}
