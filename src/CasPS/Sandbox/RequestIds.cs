using System;

namespace CasPS.Sandbox
{
    internal static class RequestIds
    {
        /// <summary>A fresh id in the service's form: an upper-case GUID.</summary>
        public static string New() => Guid.NewGuid().ToString("D").ToUpperInvariant();
    }
}
