using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using CasPS.Validation;

namespace CasPS.Commands
{
    /// <summary>Tab completion for -ProductCode: the documented codes; unknown codes are still sent.</summary>
    public sealed class ProductCodeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.From(ProductCatalog.KnownCodes, wordToComplete, Describe);

        private static string Describe(string code) =>
            ProductCatalog.TryGet(code, out var p)
                ? p.Brand + " " + p.Level + " " + p.Coverage.ToString().ToLowerInvariant() + (p.ChinaSiteOnly ? " (China site only)" : string.Empty)
                : code;
    }
}
