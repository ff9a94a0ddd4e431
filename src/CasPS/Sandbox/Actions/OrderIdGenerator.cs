using System;

namespace CasPS.Sandbox
{
    /// <summary>
    /// OrderIds like the service's: above 2^53 (so a client that parses them through a double
    /// gets a different order), increasing by a random step so clients cannot assume consecutive
    /// ids. Thread-safe; never repeats an id.
    /// </summary>
    internal sealed class OrderIdGenerator
    {
        /// <summary>The documented example OrderId (reference §5.2); the first id is just above it.</summary>
        public const long DocumentedExample = 98987582437920968;
        public const int MaxStep = 9999;

        private readonly object _gate = new object();
        private readonly Random _random;
        private long _last;

        public OrderIdGenerator() : this(DocumentedExample, new Random()) { }

        internal OrderIdGenerator(long start, Random random)
        {
            _last = start;
            _random = random;
        }

        public long Next()
        {
            // Random is not thread-safe, and the step must be added atomically: both under one lock.
            lock (_gate) return _last = checked(_last + _random.Next(1, MaxStep + 1));
        }
    }
}
