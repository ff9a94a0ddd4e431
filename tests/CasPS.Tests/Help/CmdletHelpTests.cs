using CasPS.Tests.Engine;
using Xunit.Abstractions;

namespace CasPS.Tests.Help;

/// <summary>
/// What a user sees with Get-Help, through the real engine. For every cmdlet the module exports,
/// help must be hand-written and cover every parameter the code declares, so help cannot drift
/// from the code. The manifest lists the cmdlets; one not built yet has nothing to check.
/// </summary>
public class CmdletHelpTests(ITestOutputHelper output)
{
    // Problems with one command's Get-Help -Full, as text ($args: name, declared parameter names or
    // $null to take the names from the help itself). Core cmdlets only: that is all the host has.
    private const string CheckHelp = """
        $name, $declared = $args
        $h = Get-Help $name -Full
        $synopsis = "$($h.Synopsis)".Trim()
        if (-not $synopsis) { 'no synopsis' }
        elseif ($synopsis -eq $name -or $synopsis.StartsWith("$name ")) { "synopsis is the generated syntax line: $synopsis" }
        if (-not "$($h.description.Text)".Trim()) { 'no description' }
        $withCode = @($h.examples.example | Where-Object { "$($_.code)".Trim() })
        if ($withCode.Count -lt 2) { "$($withCode.Count) example(s) with code; at least 2 expected" }
        $documented = @{}
        foreach ($p in $h.parameters.parameter) { $documented[$p.name] = "$($p.description.Text)".Trim() }
        if ($null -eq $declared) { $declared = @($documented.Keys) }
        foreach ($n in $declared) { if (-not $documented[$n]) { "parameter -$n has no description" } }
        foreach ($n in $documented.Keys) { if ($n -notin $declared) { "help documents -$n, which the command does not have" } }
        """;

    // The parameters a command declares, minus the engine's common ones; -WhatIf and -Confirm are
    // not among those, so they need describing too. No output when the command does not exist.
    private const string DeclaredParameters = """
        $c = Get-Command -Name $args[0] -ErrorAction SilentlyContinue
        if ($c) { ,@($c.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters }) }
        """;

    [Theory]
    [MemberData(nameof(HelpSources.ManifestCmdletData), MemberType = typeof(HelpSources))]
    public void Exported_cmdlet_has_full_help_for_every_declared_parameter(string cmdlet)
    {
        using var ps = new PsSession();
        var problems = HelpProblems(ps, cmdlet);
        if (problems == null)
        {
            output.WriteLine($"{cmdlet} is not in the built module yet; nothing to check.");
            return;
        }
        Assert.Empty(problems);
    }

    /// <summary>The check above has nothing to check until the cmdlets exist, so prove here that it bites.</summary>
    [Fact]
    public void Help_check_reports_generated_help_and_undocumented_or_stale_parameters()
    {
        using var ps = new PsSession(importModule: false);
        ps.Run("function global:Get-NoHelp { [CmdletBinding()] param($Thing) }");
        Assert.Equal(
            ["synopsis is the generated syntax line: Get-NoHelp [[-Thing] <Object>] [<CommonParameters>]", "no description",
             "0 example(s) with code; at least 2 expected", "parameter -Thing has no description"],
            HelpProblems(ps, "Get-NoHelp"));

        // The real page, on a stand-in whose parameters drifted: one renamed, so one undocumented and one stale.
        var keep = "$ProductCode, $Region, $Endpoint, $ProfileName, $Credential, $AccessKeyId, $AccessKeySecret, $SecurityToken, $MaxRetryCount";
        ps.Run(StandIn("Get-CasPackageState", keep + ", $TimeoutSec"));
        Assert.Equal(
            ["parameter -TimeoutSec has no description", "help documents -RequestTimeoutSec, which the command does not have"],
            HelpProblems(ps, "Get-CasPackageState"));
    }

    /// <summary>
    /// Each page's MAML, read by Get-Help through a stand-in function (.ExternalHelp), so the MAML is
    /// proven readable and complete even before the cmdlet itself is built.
    /// </summary>
    [Theory]
    [MemberData(nameof(HelpSources.CmdletPageData), MemberType = typeof(HelpSources))]
    public void Built_maml_gives_get_help_a_complete_page(string cmdlet)
    {
        using var ps = new PsSession(importModule: false);
        Assert.Null(ps.Run(StandIn(cmdlet, "")).Terminating);
        var r = ps.Run(CheckHelp, cmdlet, null);
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.Empty(r.Output.Select(o => o.ToString()));

        var sets = ps.Run("@((Get-Help $args[0] -Full).syntax.syntaxItem).Count", cmdlet);
        Assert.True((int)sets.Output[0].BaseObject >= 1, "no syntax");
    }

    /// <summary>Null when the command does not exist; otherwise what is wrong with its help.</summary>
    private static string[] HelpProblems(PsSession ps, string command)
    {
        var declared = ps.Run(DeclaredParameters, command);
        Assert.Null(declared.Terminating);
        if (declared.Output.Count == 0) return null;
        var parameters = ((object[])declared.Output[0].BaseObject).Select(p => p.ToString()).ToArray();
        var r = ps.Run(CheckHelp, command, parameters);
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        return r.Output.Select(o => o.ToString()).ToArray();
    }

    /// <summary>A function that takes its help from the built MAML, as the binary cmdlet will.</summary>
    private static string StandIn(string name, string parameters) =>
        $"function global:{name} {{\n<#\n.ExternalHelp {HelpSources.BuiltMaml}\n#>\n[CmdletBinding()] param({parameters}) }}";

    [Fact]
    public void About_topic_is_found_by_get_help_once_the_module_is_imported()
    {
        if (HelpSources.AboutPages().Count == 0) return;
        using var ps = new PsSession();
        var r = ps.Run("Get-Help about_CasPS | ForEach-Object { \"$_\" }");
        Assert.Null(r.Terminating);
        Assert.Contains("TOPIC", string.Join("\n", r.Output.Select(o => o.ToString())));
    }
}
