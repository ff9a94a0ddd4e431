using System.Management.Automation;

namespace CasPS.Tests.Engine;

public class ModuleImportTests
{
    [Fact]
    public void Import_exports_exactly_the_manifest_cmdlets_and_prints_nothing()
    {
        using var ps = new PsSession(importModule: false);
        var r = ps.Run("Import-Module $args[0] -PassThru -Verbose:$false", ModulePaths.ModuleManifest);
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.Empty(r.Warnings);
        Assert.Empty(r.Information);
        var module = Assert.IsType<PSModuleInfo>(Assert.Single(r.Output).BaseObject);
        Assert.Equal("CasPS", module.Name);
        var names = ps.Run("(Get-Command -Module CasPS).Name").Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();
        Assert.Equal(new[] { "Get-CasPackageState", "New-CasCertificateRequest", "Start-CasSandbox", "Stop-CasSandbox" }, names);
    }
}
