using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The faults the sandbox will inject. Queued faults apply, first in first out, to the next
    /// requests (optionally only those for one action); when none is queued, the random mode (if
    /// on) fails a seeded fraction of requests. Thread-safe.
    /// From PowerShell: <c>$s.Faults.Enqueue('Throttling', 2)</c>,
    /// <c>$s.Faults.Enqueue('ConnectionResetAfterExecute', 1, 'DescribePackageState')</c>,
    /// <c>$s.Faults.EnqueueDelay(1500)</c>, <c>$s.Faults.FailRandomly(0.2, 42)</c>, <c>$s.Faults.Clear()</c>.
    /// </summary>
    public sealed class SandboxFaultPlan
    {
        /// <summary>Delay of a SlowAnswer fault enqueued without an explicit delay.</summary>
        public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);

        /// <summary>What random mode injects when no kinds are given: throttling, 5xx and resets.</summary>
        public static readonly IReadOnlyList<SandboxFaultKind> DefaultRandomKinds = new[]
        {
            SandboxFaultKind.Throttling, SandboxFaultKind.ServiceUnavailable,
            SandboxFaultKind.InternalError, SandboxFaultKind.ConnectionReset,
        };

        private readonly object _gate = new object();
        private readonly List<PlannedFault> _queue = new List<PlannedFault>();
        private Random _random;
        private double _rate;
        private SandboxFaultKind[] _randomKinds;
        private long _applied;
        private int _armed; // 1 while anything is queued or random mode is on: skips the lock otherwise

        internal SandboxFaultPlan() { }

        /// <summary>The next request fails with this fault.</summary>
        public void Enqueue(SandboxFaultKind kind) => Enqueue(kind, 1, null);

        /// <summary>The next <paramref name="count"/> requests fail with this fault.</summary>
        public void Enqueue(SandboxFaultKind kind, int count) => Enqueue(kind, count, null);

        /// <summary>The next <paramref name="count"/> requests for <paramref name="action"/> (null: any) fail with this fault.</summary>
        public void Enqueue(SandboxFaultKind kind, int count, string action) => Add(kind, count, action, DefaultDelay);

        /// <summary>The next request is answered after <paramref name="milliseconds"/>.</summary>
        public void EnqueueDelay(int milliseconds) => EnqueueDelay(milliseconds, 1, null);

        public void EnqueueDelay(int milliseconds, int count) => EnqueueDelay(milliseconds, count, null);

        public void EnqueueDelay(int milliseconds, int count, string action)
        {
            if (milliseconds < 0) throw new ArgumentOutOfRangeException(nameof(milliseconds), "The delay cannot be negative.");
            Add(SandboxFaultKind.SlowAnswer, count, action, TimeSpan.FromMilliseconds(milliseconds));
        }

        /// <summary>Fails a fraction (0..1) of requests, chosen by a seeded generator, with the default kinds.</summary>
        public void FailRandomly(double rate, int seed) => FailRandomly(rate, seed, DefaultRandomKinds.ToArray());

        /// <summary>Fails a fraction (0..1) of requests, chosen by a seeded generator, with a kind drawn from <paramref name="kinds"/>.</summary>
        public void FailRandomly(double rate, int seed, SandboxFaultKind[] kinds)
        {
            if (rate < 0 || rate > 1 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(nameof(rate), "The rate must be between 0 and 1.");
            if (kinds == null || kinds.Length == 0) throw new ArgumentException("Give at least one fault kind.", nameof(kinds));
            lock (_gate)
            {
                _random = new Random(seed);
                _rate = rate;
                _randomKinds = (SandboxFaultKind[])kinds.Clone();
                Rearm();
            }
        }

        public void StopFailingRandomly()
        {
            lock (_gate)
            {
                _random = null;
                _rate = 0;
                Rearm();
            }
        }

        /// <summary>Drops every queued fault and turns random mode off.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _queue.Clear();
                _random = null;
                _rate = 0;
                Rearm();
            }
        }

        /// <summary>Requests still to be failed by queued faults.</summary>
        public int Pending { get { lock (_gate) return _queue.Sum(f => f.Remaining); } }

        /// <summary>The fraction random mode fails (0 when off).</summary>
        public double RandomRate { get { lock (_gate) return _rate; } }

        /// <summary>Faults injected so far.</summary>
        public long Applied => Interlocked.Read(ref _applied);

        public override string ToString() => "Pending " + Pending + ", random rate " + RandomRate + ", applied " + Applied;

        /// <summary>The fault for this request, or null; consumes one unit of a queued fault.</summary>
        internal PlannedFault Take(string action)
        {
            if (Volatile.Read(ref _armed) == 0) return null;
            lock (_gate)
            {
                for (int i = 0; i < _queue.Count; i++)
                {
                    var fault = _queue[i];
                    if (!fault.Matches(action)) continue;
                    if (--fault.Remaining == 0)
                    {
                        _queue.RemoveAt(i);
                        Rearm();
                    }
                    _applied++;
                    return fault;
                }
                if (_random != null && _random.NextDouble() < _rate)
                {
                    _applied++;
                    return new PlannedFault(_randomKinds[_random.Next(_randomKinds.Length)], 1, null, DefaultDelay);
                }
                return null;
            }
        }

        private void Add(SandboxFaultKind kind, int count, string action, TimeSpan delay)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "The count must be at least 1.");
            if (!Enum.IsDefined(typeof(SandboxFaultKind), kind)) throw new ArgumentOutOfRangeException(nameof(kind));
            lock (_gate)
            {
                _queue.Add(new PlannedFault(kind, count, string.IsNullOrEmpty(action) ? null : action, delay));
                Rearm();
            }
        }

        private void Rearm() => Volatile.Write(ref _armed, _queue.Count > 0 || _random != null ? 1 : 0);
    }
}
