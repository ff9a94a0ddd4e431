using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>The quota store later Create* actions spend from.</summary>
public class PackageStoreTests
{
    [Fact]
    public void Concurrent_consumers_never_overspend()
    {
        var store = new PackageStore(new Dictionary<string, long> { ["digicert-free-1-free"] = 100 });
        int consumed = 0;
        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (store.TryConsume("digicert-free-1-free", out _) == QuotaConsumption.Consumed) Interlocked.Increment(ref consumed);
        });

        Assert.Equal(100, consumed);
        Assert.True(store.TryGetState("digicert-free-1-free", out var state));
        Assert.Equal(100, state.UsedCount);
        Assert.Equal(100, state.TotalCount);
    }

    [Fact]
    public void Documented_products_exist_with_zero_quota_and_unknown_ones_do_not()
    {
        var store = new PackageStore(SandboxDefaults.DefaultQuota());

        Assert.Equal(QuotaConsumption.Exhausted, store.TryConsume("geotrust-ov-w-personal", out var after));
        Assert.Equal(0, after.TotalCount);
        Assert.Equal(QuotaConsumption.UnknownProduct, store.TryConsume("bogus", out _));
        Assert.False(store.TryGetState("bogus", out _));
        Assert.False(store.RecordIssued("bogus"));
    }

    [Fact]
    public void Issued_count_is_kept_per_product()
    {
        var store = new PackageStore(SandboxDefaults.DefaultQuota());
        Assert.Equal(QuotaConsumption.Consumed, store.TryConsume("digicert-free-1-free", out _));
        Assert.True(store.RecordIssued("digicert-free-1-free"));

        store.TryGetState("digicert-free-1-free", out var s);
        Assert.Equal((20L, 1L, 1L), (s.TotalCount, s.UsedCount, s.IssuedCount));
        Assert.Equal(new Dictionary<string, long> { ["digicert-free-1-free"] = 20 }, store.ConfiguredTotals());
    }

    [Fact]
    public void Negative_quota_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PackageStore(new Dictionary<string, long> { ["x"] = -1 }));
    }
}
