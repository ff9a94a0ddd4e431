using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>Finds the handler for an (action, version) pair; unknown pairs get InvalidApi.NotFound.</summary>
    internal sealed class ActionRegistry
    {
        private readonly string _version;
        private readonly Dictionary<string, ISandboxAction> _actions = new Dictionary<string, ISandboxAction>(StringComparer.Ordinal);

        public ActionRegistry(string version, IEnumerable<ISandboxAction> actions)
        {
            _version = version;
            foreach (var a in actions) _actions.Add(a.Name, a);
        }

        public IEnumerable<string> Names => _actions.Keys;

        /// <summary>The handler, or null when the service has no such API (names are case-sensitive, as on the service).</summary>
        public ISandboxAction Find(string action, string version) =>
            action != null && string.Equals(version, _version, StringComparison.Ordinal) && _actions.TryGetValue(action, out var a) ? a : null;
    }
}
