using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CasPS.Alibaba;

namespace CasPS.Commands
{
    /// <summary>Tab completion for -Region: the regions CAS is known in; any other id is still accepted.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.From(CasEndpoints.KnownRegions, wordToComplete, r => r + " -> " + CasEndpoints.HostForRegion(r));
    }

    internal static class Completion
    {
        public static IEnumerable<CompletionResult> From(IEnumerable<string> values, string word, System.Func<string, string> tooltip)
        {
            string prefix = (word ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, tooltip(v)));
        }
    }
}
