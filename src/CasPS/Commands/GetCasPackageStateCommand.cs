using System;
using System.Management.Automation;
using CasPS.Alibaba.Models;
using CasPS.Errors;

namespace CasPS.Commands
{
    /// <summary>
    /// Get-CasPackageState: how much certificate quota a resource package has left
    /// (DescribePackageState). One object per product code; one failing code is a
    /// non-terminating error and the others still come out.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CasPackageState")]
    [OutputType(typeof(CasPackageState))]
    public sealed class GetCasPackageStateCommand : CasCloudCmdlet
    {
        /// <summary>Product codes to query; none asks without ProductCode, and the service picks its default.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCodeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] ProductCode { get; set; }

        protected override void ProcessRecord()
        {
            if (ProductCode == null || ProductCode.Length == 0)
            {
                Query(null);
                return;
            }
            foreach (var code in ProductCode)
                Query(code.Trim());
        }

        private void Query(string code)
        {
            try
            {
                var answer = Call((client, cancel) => client.DescribePackageState(new DescribePackageStateRequest { ProductCode = code }, cancel));
                WriteObject(new CasPackageState
                {
                    ProductCode = answer.ProductCode ?? code,
                    TotalCount = answer.TotalCount,
                    UsedCount = answer.UsedCount,
                    IssuedCount = answer.IssuedCount,
                    RemainingCount = Math.Max(0, answer.TotalCount - answer.UsedCount),
                    RequestId = answer.RequestId,
                });
            }
            catch (CasPSException ex)
            {
                WriteItemError(ex, code);
            }
        }
    }
}
