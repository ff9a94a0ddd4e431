using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CasPS.Sandbox;

namespace CasPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops local CAS sandboxes started with Start-CasSandbox.</para>
    /// <para type="description">
    /// Stops the given sandboxes (or, with no argument and no pipeline input, every sandbox this
    /// runspace started): the listener closes and open connections are dropped. Stopping a
    /// stopped sandbox does nothing. The journal ($s.Requests) stays readable afterwards.
    /// </para>
    /// <example><code>$s | Stop-CasSandbox</code></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "CasSandbox")]
    [OutputType(typeof(CasSandboxInfo))]
    public sealed class StopCasSandboxCommand : PSCmdlet
    {
        /// <summary><para type="description">The sandboxes to stop, as Start-CasSandbox returned them.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public CasSandboxInfo[] Sandbox { get; set; }

        /// <summary><para type="description">Output the stopped sandboxes.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Sandbox == null) return;
            foreach (var s in Sandbox)
            {
                SandboxSessions.Forget(s);
                Stop(s);
            }
        }

        protected override void EndProcessing()
        {
            // Only a bare "Stop-CasSandbox" stops them all; "@() | Stop-CasSandbox" stops nothing.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Sandbox)) || MyInvocation.ExpectingInput) return;
            foreach (var s in SandboxSessions.Release(Runspace.DefaultRunspace)) Stop(s);
        }

        private void Stop(CasSandboxInfo s)
        {
            s.Sandbox.Stop();
            if (PassThru) WriteObject(s);
        }
    }
}
