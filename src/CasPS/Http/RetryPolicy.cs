using System;
using System.Threading;

namespace CasPS.Http
{
    /// <summary>
    /// Jittered exponential backoff: attempt n waits between half and all of
    /// min(MaxDelay, BaseDelay * 2^n), or the server's x-acs-retry-after hint capped the same way.
    /// </summary>
    internal static class RetryPolicy
    {
        public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);
        private static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(300);

        /// <summary>Test hook: shortens every wait so fault-injection tests run in milliseconds.</summary>
        internal static TimeSpan? BaseDelayOverride;

        private static int _seed = Environment.TickCount;
        [ThreadStatic] private static Random _random;

        public static TimeSpan BaseDelay => BaseDelayOverride ?? DefaultBaseDelay;

        /// <param name="attempt">0 for the first retry.</param>
        /// <param name="retryAfter">The server's hint, when it gave one.</param>
        public static TimeSpan Delay(int attempt, TimeSpan? retryAfter)
        {
            var cap = BaseDelayOverride.HasValue ? TimeSpan.FromTicks(BaseDelayOverride.Value.Ticks * 64) : MaxDelay;
            if (retryAfter.HasValue)
                return retryAfter.Value < cap ? retryAfter.Value : cap;
            double ceiling = Math.Min(cap.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20)));
            double jittered = ceiling / 2 + Random.NextDouble() * ceiling / 2;
            return TimeSpan.FromMilliseconds(jittered);
        }

        private static Random Random => _random ?? (_random = new Random(Interlocked.Increment(ref _seed)));
    }
}
