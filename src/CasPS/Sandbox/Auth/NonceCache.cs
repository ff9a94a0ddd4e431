using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Nonces seen recently. A replay is only possible while its x-acs-date is within the
    /// 15-minute skew, so a nonce need not be remembered past ~30 minutes; the set is also
    /// capped (oldest first out) so a long load test cannot grow it without bound.
    /// </summary>
    internal sealed class NonceCache
    {
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(30);
        public const int DefaultCapacity = 100000;

        private readonly object _gate = new object();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<KeyValuePair<string, DateTime>> _byAge = new Queue<KeyValuePair<string, DateTime>>();
        private readonly TimeSpan _window;
        private readonly int _capacity;

        public NonceCache() : this(DefaultWindow, DefaultCapacity) { }

        public NonceCache(TimeSpan window, int capacity)
        {
            _window = window;
            _capacity = capacity;
        }

        public int Count { get { lock (_gate) return _seen.Count; } }

        /// <summary>Records the nonce; false when it was seen within the window.</summary>
        public bool TryAdd(string nonce, DateTime utcNow)
        {
            lock (_gate)
            {
                while (_byAge.Count > 0 && (_byAge.Peek().Value <= utcNow || _byAge.Count >= _capacity))
                    _seen.Remove(_byAge.Dequeue().Key);
                if (!_seen.Add(nonce)) return false;
                _byAge.Enqueue(new KeyValuePair<string, DateTime>(nonce, utcNow + _window));
                return true;
            }
        }
    }
}
