using System;

namespace CasPS.Validation
{
    /// <summary>
    /// Why a CSR was refused, raised inside the CSR checks; <see cref="CsrValidator"/> turns it into
    /// the CasPSException(InvalidCsr) callers see, adding the parameter name.
    /// </summary>
    internal sealed class CsrFormatException : Exception
    {
        public CsrFormatException(string reason, Exception inner = null) : base(reason, inner) { }
    }
}
