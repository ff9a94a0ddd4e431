using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>The order store and its ids, which DescribeCertificateState and order tracking build on.</summary>
public class SandboxOrderStoreTests
{
    private static SandboxOrder NewOrder(string domain = "www.example.com") => new() { Domains = new[] { domain } };

    [Fact]
    public void Ids_start_above_the_documented_example_and_grow_by_1_to_9999()
    {
        var ids = new OrderIdGenerator();
        long previous = OrderIdGenerator.DocumentedExample;
        for (int i = 0; i < 1000; i++)
        {
            long id = ids.Next();
            Assert.InRange(id - previous, 1, OrderIdGenerator.MaxStep);
            previous = id;
        }
    }

    [Fact]
    public void Ids_are_unique_under_concurrency()
    {
        var ids = new OrderIdGenerator();
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 10000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => seen.Add(ids.Next()));

        Assert.Equal(10000, seen.Distinct().Count());
        Assert.All(seen, id => Assert.True(id > 1L << 53));
    }

    [Fact]
    public void The_store_assigns_ids_keeps_creation_order_and_finds_by_id()
    {
        var store = new SandboxOrderStore(new OrderIdGenerator(1000, new Random(7)));
        Assert.Empty(store);
        Assert.Null(store.Last);

        var a = store.Add(NewOrder("a.example.com"));
        var b = store.Add(NewOrder("b.example.com"));

        Assert.Equal(2, store.Count);
        Assert.True(a.OrderId > 1000 && b.OrderId > a.OrderId);
        Assert.Equal(new[] { a, b }, store);
        Assert.Same(a, store[0]);
        Assert.Same(b, store.Last);
        Assert.Same(b, store.Find(b.OrderId));
        Assert.Null(store.Find(b.OrderId + 1));
        Assert.Equal("2 orders", store.ToString());
    }

    [Fact]
    public void Enumeration_is_over_a_snapshot()
    {
        var store = new SandboxOrderStore();
        store.Add(NewOrder());
        int seen = 0;
        foreach (var _ in store)
        {
            store.Add(NewOrder()); // would throw on a live List<T> enumerator
            seen++;
        }
        Assert.Equal(1, seen);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Concurrent_adds_are_all_kept_in_id_order()
    {
        var store = new SandboxOrderStore();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => store.Add(NewOrder()));

        var ids = store.Select(o => o.OrderId).ToArray();
        Assert.Equal(2000, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(i => i), ids);
        Assert.All(store, o => Assert.Same(o, store.Find(o.OrderId)));
    }

    [Fact]
    public void A_new_order_is_in_domain_verify_and_moves_only_from_its_current_state()
    {
        var order = NewOrder();
        Assert.Equal(SandboxOrderState.domain_verify, order.State);

        Assert.False(order.TryMove(SandboxOrderState.process, SandboxOrderState.certificate));
        Assert.True(order.TryMove(SandboxOrderState.domain_verify, SandboxOrderState.process));
        Assert.Equal(SandboxOrderState.process, order.State);
    }

    [Fact]
    public void States_are_spelled_as_the_service_reports_them()
    {
        Assert.Equal(new[] { "domain_verify", "process", "verify_fail", "certificate", "payed", "unknow" },
            Enum.GetNames<SandboxOrderState>());
    }
}
