using System;

namespace CasPS.Validation
{
    /// <summary>AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }.</summary>
    internal readonly struct AlgorithmIdentifier
    {
        private AlgorithmIdentifier(ArraySegment<byte> oid, bool hasParameters, byte parametersTag,
            ArraySegment<byte> parameters, ArraySegment<byte> parametersEncoded)
        {
            Oid = oid;
            HasParameters = hasParameters;
            ParametersTag = parametersTag;
            Parameters = parameters;
            ParametersEncoded = parametersEncoded;
        }

        public ArraySegment<byte> Oid { get; }
        public bool HasParameters { get; }
        public byte ParametersTag { get; }
        /// <summary>The content of the parameters element (without tag and length).</summary>
        public ArraySegment<byte> Parameters { get; }
        /// <summary>The whole parameters element, for reading it with a DerReader.</summary>
        public ArraySegment<byte> ParametersEncoded { get; }

        /// <summary>No parameters, or NULL: what PKCS#1 and ECDSA signature algorithms carry.</summary>
        public bool HasNoOrNullParameters => !HasParameters || (ParametersTag == DerReader.Null && Parameters.Count == 0);

        public static AlgorithmIdentifier Read(DerReader reader, string what)
        {
            var seq = reader.ReadSequence(what);
            var oid = seq.ReadOid(what + " algorithm");
            bool has = seq.HasData;
            byte tag = 0;
            ArraySegment<byte> parameters = default, encoded = default;
            if (has) tag = seq.ReadElement(out parameters, out encoded);
            seq.ExpectEnd(what);
            return new AlgorithmIdentifier(oid, has, tag, parameters, encoded);
        }
    }
}
