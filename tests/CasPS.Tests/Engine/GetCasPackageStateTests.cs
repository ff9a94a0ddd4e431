using System.Management.Automation;
using System.Xml.Linq;
using CasPS.Errors;
using CasPS.Sandbox;

namespace CasPS.Tests.Engine;

/// <summary>Get-CasPackageState end to end: typed output, pipelines, per-item errors and completion.</summary>
public class GetCasPackageStateTests
{
    private const string Free = "digicert-free-1-free";
    private const string GeoTrust = "geotrust-dv-1-starter";
    private const string Quota = "-Quota @{ 'digicert-free-1-free' = 5; 'geotrust-dv-1-starter' = 2 }";

    [Fact]
    public void Output_is_typed_with_counts_remaining_and_the_request_id_the_service_answered()
    {
        using var e = new CloudEngine(Quota);
        // Two orders' worth of quota used and one certificate issued, so Remaining differs from Total.
        Assert.Equal(QuotaConsumption.Consumed, e.Sandbox.Sandbox.Packages.TryConsume(Free, out _));
        Assert.Equal(QuotaConsumption.Consumed, e.Sandbox.Sandbox.Packages.TryConsume(Free, out _));
        Assert.True(e.Sandbox.Sandbox.Packages.RecordIssued(Free));

        var r = e.Run("Get-CasPackageState -ProductCode digicert-free-1-free -Endpoint $ep -Credential $cred");

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var state = Assert.IsType<CasPackageState>(Assert.Single(r.Output).BaseObject);
        Assert.Equal(Free, state.ProductCode);
        Assert.Equal(5, state.TotalCount);
        Assert.Equal(2, state.UsedCount);
        Assert.Equal(1, state.IssuedCount);
        Assert.Equal(3, state.RemainingCount);
        Assert.Equal(state.TotalCount - state.UsedCount, state.RemainingCount);
        Assert.False(string.IsNullOrWhiteSpace(state.RequestId));
        var record = Assert.Single(e.Reads);
        Assert.Equal(state.RequestId, record.RequestId);
        Assert.Equal(e.KeyId, record.AccessKeyId);
        Assert.Equal(Free, record.Parameters["ProductCode"]);
        Assert.Equal("CasPS.CasPackageState", r.Output[0].TypeNames[0]);
    }

    [Fact]
    public void OutputType_is_declared_and_a_table_view_ships_with_the_module()
    {
        using var ps = new PsSession();
        var r = ps.Run("(Get-Command Get-CasPackageState).OutputType | ForEach-Object { $_.Type }");
        Assert.Null(r.Terminating);
        Assert.Equal(typeof(CasPackageState), Assert.Single(r.Output).BaseObject);

        // Get-FormatData lives in Microsoft.PowerShell.Utility, which this hosted engine does not
        // have (Core commands only), so the view is checked through what Core can see: the module
        // registers its format file, the engine's FormatTable loads it without errors, and the
        // file holds a table view selected by CasPS.CasPackageState.
        r = ps.Run("(Get-Module CasPS).ExportedFormatFiles");
        var formatFile = Assert.Single(r.Output.Select(o => (string)o.BaseObject), f => f.EndsWith("CasPS.Format.ps1xml", StringComparison.Ordinal));
        _ = new System.Management.Automation.Runspaces.FormatTable(new[] { formatFile }); // throws FormatTableLoadException on a bad file
        var view = XDocument.Load(formatFile).Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")?.Element("TypeName")?.Value == "CasPS.CasPackageState");
        Assert.NotNull(view.Element("TableControl"));
        var columns = view.Descendants("PropertyName").Select(p => p.Value).ToArray();
        Assert.Equal(new[] { "ProductCode", "TotalCount", "UsedCount", "IssuedCount", "RemainingCount" }, columns);
    }

    [Fact]
    public void Product_codes_bind_by_value_by_property_name_as_an_array_and_by_position()
    {
        using var e = new CloudEngine(Quota);
        var byValue = e.Run("'digicert-free-1-free', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep -Credential $cred");
        var byName = e.Run("[pscustomobject]@{ ProductCode = 'geotrust-dv-1-starter'; Other = 1 } | Get-CasPackageState -Endpoint $ep -Credential $cred");
        var array = e.Run("Get-CasPackageState -ProductCode geotrust-dv-1-starter, digicert-free-1-free -Endpoint $ep -Credential $cred");
        var positional = e.Run("Get-CasPackageState geotrust-dv-1-starter -Endpoint $ep -Credential $cred");

        foreach (var r in new[] { byValue, byName, array, positional })
        {
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
        }
        Assert.Equal(new[] { Free, GeoTrust }, byValue.Objects<CasPackageState>().Select(s => s.ProductCode));
        Assert.Equal(new long[] { 5, 2 }, byValue.Objects<CasPackageState>().Select(s => s.TotalCount));
        Assert.Equal(new[] { GeoTrust }, byName.Objects<CasPackageState>().Select(s => s.ProductCode));
        Assert.Equal(new[] { GeoTrust, Free }, array.Objects<CasPackageState>().Select(s => s.ProductCode));
        Assert.Equal(new[] { GeoTrust }, positional.Objects<CasPackageState>().Select(s => s.ProductCode));
        // What the service was asked, in order: one request per code, each naming its code.
        Assert.Equal(new[] { Free, GeoTrust, GeoTrust, GeoTrust, Free, GeoTrust }, e.Reads.Select(x => x.Parameters["ProductCode"]));
    }

    [Fact]
    public void Pipeline_objects_keep_their_order_and_each_gets_its_own_request_id()
    {
        using var e = new CloudEngine(Quota);
        var r = e.Run("'geotrust-dv-1-starter', 'digicert-free-1-free', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep -Credential $cred");

        Assert.Empty(r.Errors);
        var states = r.Objects<CasPackageState>().ToArray();
        Assert.Equal(new[] { GeoTrust, Free, GeoTrust }, states.Select(s => s.ProductCode));
        Assert.Equal(3, states.Select(s => s.RequestId).Distinct().Count());
        Assert.Equal(e.Reads.Select(x => x.RequestId), states.Select(s => s.RequestId));
    }

    [Fact]
    public void Without_a_code_the_request_names_none_and_the_output_carries_the_service_default()
    {
        using var e = new CloudEngine();
        var r = e.Run("Get-CasPackageState -Endpoint $ep -Credential $cred");

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var state = Assert.IsType<CasPackageState>(Assert.Single(r.Output).BaseObject);
        Assert.Equal(Free, state.ProductCode);
        Assert.Equal(20, state.TotalCount);
        Assert.Equal(20, state.RemainingCount);
        var record = Assert.Single(e.Reads);
        Assert.False(record.Parameters.ContainsKey("ProductCode"));
        Assert.Equal(200, record.StatusCode);
    }

    [Fact]
    public void One_unknown_code_among_three_is_a_non_terminating_error_and_the_others_still_come_out_in_order()
    {
        using var e = new CloudEngine(Quota);
        var r = e.Run("'digicert-free-1-free', 'no-such-product', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep -Credential $cred");

        Assert.Null(r.Terminating);
        Assert.Equal(new[] { Free, GeoTrust }, r.Objects<CasPackageState>().Select(s => s.ProductCode));
        var error = Assert.Single(r.Errors);
        Assert.Equal("CasPS.ServiceError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith("CasPS.ServiceError", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("no-such-product", error.TargetObject);
        var ex = CloudEngine.CasException(error);
        Assert.Equal("InvalidParameter.ProductCode", ex.ServiceCode);
        Assert.Equal(400, ex.HttpStatus);
        Assert.False(string.IsNullOrWhiteSpace(ex.RequestId));
        Assert.Contains("no-such-product", ex.ServiceMessage);

        // The service saw each code once (a 400 is not retried) and answered the failing one with that RequestId.
        Assert.Equal(new[] { Free, "no-such-product", GeoTrust }, e.Reads.Select(x => x.Parameters["ProductCode"]));
        var failed = e.Reads[1];
        Assert.Equal("InvalidParameter.ProductCode", failed.ErrorCode);
        Assert.Equal(failed.RequestId, ex.RequestId);
    }

    [Fact]
    public void ErrorAction_Stop_makes_the_unknown_code_terminating_and_nothing_after_it_is_asked()
    {
        using var e = new CloudEngine(Quota);
        var r = e.Run("'digicert-free-1-free', 'no-such-product', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep -Credential $cred -ErrorAction Stop");

        Assert.NotNull(r.Terminating);
        var record = Assert.IsAssignableFrom<IContainsErrorRecord>(r.Terminating).ErrorRecord;
        Assert.StartsWith("CasPS.ServiceError", record.FullyQualifiedErrorId);
        Assert.Equal("InvalidParameter.ProductCode", CloudEngine.CasException(record).ServiceCode);
        Assert.Equal(new[] { Free, "no-such-product" }, e.Reads.Select(x => x.Parameters["ProductCode"]));
    }

    [Fact]
    public void The_error_can_be_caught_by_id_in_a_script()
    {
        using var e = new CloudEngine(Quota);
        var r = e.Run(@"
            try { Get-CasPackageState -ProductCode no-such-product -Endpoint $ep -Credential $cred -ErrorAction Stop; 'not reached' }
            catch { $_.FullyQualifiedErrorId.Split(',')[0]; $_.Exception.ServiceCode; $_.CategoryInfo.Category.ToString() }");

        Assert.Null(r.Terminating);
        Assert.Equal(new object[] { "CasPS.ServiceError", "InvalidParameter.ProductCode", "InvalidArgument" }, r.BaseObjects.ToArray());
    }

    private static string[] Complete(PsSession ps, string line)
    {
        var r = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", line);
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        return r.Output.Select(o => (string)o.BaseObject).ToArray();
    }

    [Fact]
    public void ProductCode_completes_through_the_engines_TabExpansion2()
    {
        using var ps = new PsSession();
        Assert.Equal(new[] { Free }, Complete(ps, "Get-CasPackageState -ProductCode digi"));
        Assert.Equal(new[] { "geotrust-dv-1-starter", "geotrust-dv-w-starter", "geotrust-ov-1-personal", "geotrust-ov-w-personal" },
            Complete(ps, "Get-CasPackageState -ProductCode geotrust-").OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(new[] { Free }, Complete(ps, "Get-CasPackageState digi"));
        Assert.Empty(Complete(ps, "Get-CasPackageState -ProductCode zzz"));
    }

    [Fact]
    public void Region_completes_through_CommandCompletion_CompleteInput()
    {
        using var ps = new PsSession();
        var line = "Get-CasPackageState -Region ap-southeast-";
        using var pwsh = PowerShell.Create();
        pwsh.Runspace = ps.Runspace;
        var completion = CommandCompletion.CompleteInput(line, line.Length, null, pwsh);

        var texts = completion.CompletionMatches.Select(m => m.CompletionText).ToArray();
        Assert.Equal(new[] { "ap-southeast-1", "ap-southeast-3", "ap-southeast-5" }, texts.OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(completion.CompletionMatches, m => Assert.Equal(CompletionResultType.ParameterValue, m.ResultType));
        Assert.Equal(new[] { "cn-hangzhou" }, Complete(ps, "Get-CasPackageState -Region cn-hang"));
    }
}
