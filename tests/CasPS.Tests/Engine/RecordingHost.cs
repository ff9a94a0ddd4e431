using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CasPS.Tests.Engine;

/// <summary>
/// A minimal PSHost that records what a user would see on the console (WhatIf text) and
/// answers choice prompts (-Confirm) from a script, so ShouldProcess behaviour is testable.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly RecordingUI _ui = new();
    public List<string> Lines => _ui.Lines;
    /// <summary>Index of the choice to answer to each prompt (0 = Yes in ShouldProcess prompts).</summary>
    public Queue<int> ChoiceAnswers => _ui.ChoiceAnswers;
    public List<string> Prompts => _ui.Prompts;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "CasPS.Tests.RecordingHost";
    public override PSHostUserInterface UI => _ui;
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class RecordingUI : PSHostUserInterface
    {
        public List<string> Lines { get; } = new();
        public List<string> Prompts { get; } = new();
        public Queue<int> ChoiceAnswers { get; } = new();
        public override PSHostRawUserInterface RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + "|" + message);
            return ChoiceAnswers.Count > 0 ? ChoiceAnswers.Dequeue() : defaultChoice;
        }

        public override void Write(string value) => Lines.Add(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
        public override void WriteLine(string value) => Lines.Add(value);
        public override void WriteErrorLine(string value) => Lines.Add(value);
        public override void WriteDebugLine(string message) => Lines.Add(message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Lines.Add(message);
        public override void WriteWarningLine(string message) => Lines.Add(message);
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
    }
}
