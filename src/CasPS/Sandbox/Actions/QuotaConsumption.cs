namespace CasPS.Sandbox
{
    /// <summary>Outcome of spending one unit of a product's quota.</summary>
    internal enum QuotaConsumption
    {
        Consumed,
        Exhausted,
        UnknownProduct,
    }
}
