using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Every request the sandbox received, oldest first, so tests can assert what reached the
    /// server and what did not (<c>$s.Requests.Count</c>, <c>$s.Requests | Where-Object Action -eq ...</c>).
    /// Keeps the latest 100,000; enumeration is over a snapshot. Thread-safe.
    /// </summary>
    public sealed class SandboxRequestJournal : IReadOnlyList<SandboxRequestRecord>
    {
        internal const int Capacity = 100000;

        private readonly object _gate = new object();
        private readonly List<SandboxRequestRecord> _records = new List<SandboxRequestRecord>();
        private long _total;

        internal SandboxRequestJournal() { }

        public int Count { get { lock (_gate) return _records.Count; } }

        public SandboxRequestRecord this[int index] { get { lock (_gate) return _records[index]; } }

        /// <summary>All requests received since start (or the last Clear), including any no longer kept.</summary>
        public long TotalReceived { get { lock (_gate) return _total; } }

        /// <summary>The most recent request, or null.</summary>
        public SandboxRequestRecord Last { get { lock (_gate) return _records.Count == 0 ? null : _records[_records.Count - 1]; } }

        public SandboxRequestRecord[] ForAction(string action) =>
            Snapshot().Where(r => string.Equals(r.Action, action, StringComparison.OrdinalIgnoreCase)).ToArray();

        public void Clear()
        {
            lock (_gate)
            {
                _records.Clear();
                _total = 0;
            }
        }

        public IEnumerator<SandboxRequestRecord> GetEnumerator() => ((IEnumerable<SandboxRequestRecord>)Snapshot()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Count + " requests";

        internal void Add(SandboxRequestRecord record)
        {
            lock (_gate)
            {
                if (_records.Count >= Capacity) _records.RemoveRange(0, Capacity / 10);
                _records.Add(record);
                _total++;
            }
        }

        private SandboxRequestRecord[] Snapshot()
        {
            lock (_gate) return _records.ToArray();
        }
    }
}
