using System.Collections;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The orders the sandbox accepted, oldest first, findable by OrderId. Exposed read-only to
    /// PowerShell as <c>$s.Orders</c>: <c>$s.Orders.Count</c>, <c>$s.Orders[0]</c>,
    /// <c>$s.Orders.Find($id)</c>. Thread-safe; enumeration is over a snapshot.
    /// </summary>
    public sealed class SandboxOrderStore : IReadOnlyList<SandboxOrder>
    {
        private readonly object _gate = new object();
        private readonly List<SandboxOrder> _orders = new List<SandboxOrder>();
        private readonly Dictionary<long, SandboxOrder> _byId = new Dictionary<long, SandboxOrder>();
        private readonly OrderIdGenerator _ids;

        internal SandboxOrderStore() : this(new OrderIdGenerator()) { }

        internal SandboxOrderStore(OrderIdGenerator ids) { _ids = ids; }

        public int Count { get { lock (_gate) return _orders.Count; } }

        public SandboxOrder this[int index] { get { lock (_gate) return _orders[index]; } }

        /// <summary>The most recent order, or null.</summary>
        public SandboxOrder Last { get { lock (_gate) return _orders.Count == 0 ? null : _orders[_orders.Count - 1]; } }

        /// <summary>The order with this id, or null.</summary>
        public SandboxOrder Find(long orderId)
        {
            lock (_gate) return _byId.TryGetValue(orderId, out var order) ? order : null;
        }

        public IEnumerator<SandboxOrder> GetEnumerator() => ((IEnumerable<SandboxOrder>)Snapshot()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Count + " orders";

        /// <summary>
        /// Gives the order its id and records it. Id and position are assigned under one lock, so
        /// creation order and id order agree.
        /// </summary>
        internal SandboxOrder Add(SandboxOrder order)
        {
            lock (_gate)
            {
                order.OrderId = _ids.Next();
                _byId.Add(order.OrderId, order);
                _orders.Add(order);
            }
            return order;
        }

        private SandboxOrder[] Snapshot()
        {
            lock (_gate) return _orders.ToArray();
        }
    }
}
