using System.Net;
using CasPS.Credentials;
using CasPS.Tests.Engine;

namespace CasPS.Tests.Sandbox;

/// <summary>$sandbox.Orders in a real engine with the built module imported.</summary>
public class SandboxOrdersCmdletTests
{
    [Fact]
    public void Orders_placed_by_raw_requests_are_visible_and_read_only_from_PowerShell()
    {
        using var ps = new PsSession();
        var start = ps.Run("$s = Start-CasSandbox; $s");
        Assert.Null(start.Terminating);
        var s = Assert.IsType<CasSandboxInfo>(Assert.Single(start.Output).BaseObject);
        try
        {
            var credential = new CloudCredential(s.Credential.UserName, s.Credential.GetNetworkCredential().Password, null, "test");
            using var http = new HttpClient();
            var a = new CasRequest(s.Endpoint, new Uri(s.Endpoint).Authority, credential, "CreateCertificateForPackageRequest")
                .With("Domain", "www.example.com").With("ValidateType", "FILE").With("Tags.1.Key", "env").With("Tags.1.Value", "test")
                .Send(http);
            Assert.Equal(200, a.Status);
            long id = a.Json.GetInt64("OrderId").Value;

            var r = ps.Run(@"
                $id = $args[0]
                $s.Orders.Count
                $s.Orders[0].OrderId
                $s.Orders[0].OrderId -is [long]
                $s.Orders.Find($id).State -eq 'domain_verify'
                $s.Orders.Find([long]'" + id + @"').ValidateType
                $s.Orders[0].Domains -join ','
                $s.Orders[0].Tags['env']
                @($s.Orders | Where-Object State -eq domain_verify).Count
                $s.Orders.Find(1) -eq $null", id);
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            Assert.Equal(new object[] { 1, id, true, true, "FILE", "www.example.com", "test", 1, true }, r.BaseObjects);

            var write = ps.Run("$s.Orders[0].OrderId = 1");
            Assert.True(write.Errors.Count > 0 || write.Terminating != null, "OrderId must not be settable from PowerShell");
            Assert.Equal(id, s.Orders[0].OrderId);
            Assert.Null(ps.Run("$s.Orders.PSObject.Methods['Add']").Output.SingleOrDefault()?.BaseObject);
        }
        finally
        {
            ps.Run("Stop-CasSandbox $s");
        }
    }
}
