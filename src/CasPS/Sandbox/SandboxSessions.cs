using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The sandboxes each runspace started, so Stop-CasSandbox without arguments stops exactly
    /// those, and so they stop when their runspace closes or the process exits. Hooks are
    /// registered on the first start, never at module import.
    /// </summary>
    internal static class SandboxSessions
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<Guid, List<CasSandboxInfo>> ByRunspace = new Dictionary<Guid, List<CasSandboxInfo>>();
        private static bool _processExitHooked;

        public static void Track(CasSandboxInfo sandbox, Runspace runspace)
        {
            Guid key = runspace?.InstanceId ?? Guid.Empty;
            lock (Gate)
            {
                if (!ByRunspace.TryGetValue(key, out var list))
                {
                    ByRunspace[key] = list = new List<CasSandboxInfo>();
                    if (runspace != null) runspace.StateChanged += OnRunspaceStateChanged;
                }
                list.Add(sandbox);
                if (!_processExitHooked)
                {
                    AppDomain.CurrentDomain.ProcessExit += (s, e) => StopAll();
                    _processExitHooked = true;
                }
            }
        }

        /// <summary>Removes and returns the sandboxes this runspace started.</summary>
        public static IReadOnlyList<CasSandboxInfo> Release(Runspace runspace)
        {
            Guid key = runspace?.InstanceId ?? Guid.Empty;
            lock (Gate)
            {
                if (!ByRunspace.TryGetValue(key, out var list)) return new CasSandboxInfo[0];
                var taken = list.ToArray();
                list.Clear();
                return taken;
            }
        }

        public static void Forget(CasSandboxInfo sandbox)
        {
            lock (Gate)
                foreach (var list in ByRunspace.Values) list.Remove(sandbox);
        }

        private static void OnRunspaceStateChanged(object sender, RunspaceStateEventArgs e)
        {
            var state = e.RunspaceStateInfo.State;
            if (state != RunspaceState.Closing && state != RunspaceState.Closed && state != RunspaceState.Broken) return;
            var runspace = (Runspace)sender;
            runspace.StateChanged -= OnRunspaceStateChanged;
            List<CasSandboxInfo> list;
            lock (Gate)
            {
                if (!ByRunspace.TryGetValue(runspace.InstanceId, out list)) return;
                ByRunspace.Remove(runspace.InstanceId);
            }
            foreach (var s in list) s.Sandbox.Stop();
        }

        private static void StopAll()
        {
            CasSandboxInfo[] all;
            lock (Gate) all = ByRunspace.Values.SelectMany(l => l).ToArray();
            foreach (var s in all) s.Sandbox.Stop();
        }
    }
}
