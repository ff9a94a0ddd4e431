namespace CasPS.Http
{
    /// <summary>
    /// Where the wire layer reports what it does. Cmdlets implement it with WriteVerbose and
    /// WriteDebug; calls arrive on the pipeline thread. Nothing passed here may contain a secret.
    /// </summary>
    internal interface ICallLog
    {
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    /// <summary>A log that drops everything (library use, benchmarks).</summary>
    internal sealed class NullCallLog : ICallLog
    {
        public static readonly NullCallLog Instance = new NullCallLog();
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
