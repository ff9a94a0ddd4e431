using System;
using System.Globalization;

namespace CasPS.Validation
{
    /// <summary>
    /// A small, strict DER reader over one window of a byte array: definite minimal lengths of at
    /// most 4 bytes, low tag numbers only, nothing read outside the window. Every problem is a
    /// CsrFormatException naming the byte offset. Sub-readers share the array (no copies).
    /// </summary>
    internal sealed class DerReader
    {
        public const byte Integer = 0x02, BitString = 0x03, OctetString = 0x04, Null = 0x05, ObjectIdentifier = 0x06,
            Boolean = 0x01, Sequence = 0x30, Set = 0x31;

        private readonly byte[] _data;
        private readonly int _end;
        private int _pos;

        public DerReader(byte[] data) : this(data, 0, data.Length) { }

        public DerReader(ArraySegment<byte> segment) : this(segment.Array, segment.Offset, segment.Count) { }

        public DerReader(byte[] data, int offset, int count)
        {
            _data = data;
            _pos = offset;
            _end = offset + count;
        }

        public bool HasData => _pos < _end;

        public byte PeekTag()
        {
            if (_pos >= _end) throw Error(_pos, "expected another element but the data ends here");
            return _data[_pos];
        }

        /// <summary>Reads one element: its tag, where its content is, and the whole encoding.</summary>
        public byte ReadElement(out ArraySegment<byte> content, out ArraySegment<byte> encoded)
        {
            int start = _pos;
            int contentStart = ReadHeader(_data, ref _pos, _end, out byte tag, out int length);
            _pos = contentStart + length;
            content = new ArraySegment<byte>(_data, contentStart, length);
            encoded = new ArraySegment<byte>(_data, start, _pos - start);
            return tag;
        }

        public ArraySegment<byte> ReadPrimitive(byte expectedTag, string what)
        {
            Expect(expectedTag, what);
            ReadElement(out var content, out _);
            return content;
        }

        public DerReader ReadConstructed(byte expectedTag, string what) => ReadConstructed(expectedTag, what, out _);

        public DerReader ReadConstructed(byte expectedTag, string what, out ArraySegment<byte> encoded)
        {
            Expect(expectedTag, what);
            ReadElement(out var content, out encoded);
            return new DerReader(content);
        }

        public DerReader ReadSequence(string what) => ReadConstructed(Sequence, what);

        /// <summary>INTEGER content, checked to be minimally encoded (the DER rule).</summary>
        public ArraySegment<byte> ReadInteger(string what)
        {
            int at = _pos;
            var c = ReadPrimitive(Integer, what);
            if (c.Count == 0) throw Error(at, what + " is an empty INTEGER");
            if (c.Count > 1)
            {
                byte b0 = c.Array[c.Offset], b1 = c.Array[c.Offset + 1];
                if ((b0 == 0x00 && (b1 & 0x80) == 0) || (b0 == 0xFF && (b1 & 0x80) != 0))
                    throw Error(at, what + " is an INTEGER with needless leading bytes (not DER)");
            }
            return c;
        }

        public ArraySegment<byte> ReadOid(string what)
        {
            int at = _pos;
            var c = ReadPrimitive(ObjectIdentifier, what);
            if (c.Count == 0) throw Error(at, what + " is an empty OBJECT IDENTIFIER");
            bool startOfArc = true;
            for (int i = 0; i < c.Count; i++)
            {
                byte b = c.Array[c.Offset + i];
                if (startOfArc && b == 0x80) throw Error(at, what + " is an OBJECT IDENTIFIER with a padded arc (not DER)");
                startOfArc = (b & 0x80) == 0;
            }
            if (!startOfArc) throw Error(at, what + " is an OBJECT IDENTIFIER whose last arc is cut off");
            return c;
        }

        /// <summary>The bytes of a BIT STRING that must be whole bytes (keys, signatures).</summary>
        public ArraySegment<byte> ReadBitStringBytes(string what)
        {
            int at = _pos;
            var c = ReadPrimitive(BitString, what);
            if (c.Count == 0) throw Error(at, what + " is a BIT STRING without its unused-bits byte");
            if (c.Array[c.Offset] != 0) throw Error(at, what + " is a BIT STRING that does not end on a byte boundary");
            return new ArraySegment<byte>(c.Array, c.Offset + 1, c.Count - 1);
        }

        public bool ReadBoolean(string what)
        {
            int at = _pos;
            var c = ReadPrimitive(Boolean, what);
            if (c.Count != 1 || (c.Array[c.Offset] != 0 && c.Array[c.Offset] != 0xFF))
                throw Error(at, what + " is not a DER BOOLEAN");
            return c.Array[c.Offset] == 0xFF;
        }

        public void ExpectEnd(string what)
        {
            if (_pos < _end) throw Error(_pos, "unexpected data after " + what);
        }

        private void Expect(byte tag, string what)
        {
            byte actual = PeekTag();
            if (actual != tag)
                throw Error(_pos, "expected " + what + " (tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture) +
                    ") but found tag 0x" + actual.ToString("X2", CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Walks every element of data[offset, offset+count) and inside every constructed one,
        /// checking lengths and that nesting stays within maxDepth, so later reads can skip
        /// unknown parts (attribute values, algorithm parameters) knowing they are well formed.
        /// </summary>
        public static void CheckWellFormed(byte[] data, int offset, int count, int maxDepth) =>
            Walk(data, offset, offset + count, 1, maxDepth);

        private static void Walk(byte[] data, int pos, int end, int depth, int maxDepth)
        {
            if (depth > maxDepth)
                throw Error(pos, "elements are nested more than " + maxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
            while (pos < end)
            {
                int start = pos;
                int contentStart = ReadHeader(data, ref pos, end, out byte tag, out int length);
                bool constructed = (tag & 0x20) != 0;
                bool universal = (tag & 0xC0) == 0;
                if (universal && constructed && tag != Sequence && tag != Set)
                    throw Error(start, "a constructed string (tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture) + ") is BER, not DER");
                if (universal && !constructed && (tag == 0x10 || tag == 0x11))
                    throw Error(start, "a SEQUENCE or SET is encoded as primitive");
                if (constructed) Walk(data, contentStart, contentStart + length, depth + 1, maxDepth);
                pos = contentStart + length;
            }
        }

        /// <summary>Reads tag and length at pos; returns where the content starts.</summary>
        private static int ReadHeader(byte[] data, ref int pos, int end, out byte tag, out int length)
        {
            int start = pos;
            if (end - pos < 2) throw Error(start, end > pos ? "an element is cut off after its tag (truncated?)" : "expected another element but the data ends here");
            tag = data[pos];
            if ((tag & 0x1F) == 0x1F) throw Error(start, "multi-byte tags are not used in CSRs");
            if (tag == 0) throw Error(start, "found an end-of-contents marker (BER, not DER)");
            int first = data[pos + 1];
            int p = pos + 2;
            long len;
            if (first < 0x80) len = first;
            else if (first == 0x80) throw Error(start, "indefinite length (BER, not DER)");
            else
            {
                int n = first & 0x7F;
                if (n > 4) throw Error(start, "a length field of " + n.ToString(CultureInfo.InvariantCulture) + " bytes is far too large");
                if (end - p < n) throw Error(start, "an element's length is cut off (truncated?)");
                if (data[p] == 0) throw Error(start, "a length has a needless leading zero byte (not DER)");
                len = 0;
                for (int i = 0; i < n; i++) len = (len << 8) | data[p + i];
                p += n;
                if (len < 0x80) throw Error(start, "a short length is written in long form (not DER)");
            }
            if (len > end - p)
                throw Error(start, "an element claims " + len.ToString(CultureInfo.InvariantCulture) + " bytes but only " +
                    (end - p).ToString(CultureInfo.InvariantCulture) + " remain (truncated?)");
            length = (int)len;
            pos = p;
            return p;
        }

        private static CsrFormatException Error(int offset, string reason) =>
            new CsrFormatException("malformed DER at byte " + offset.ToString(CultureInfo.InvariantCulture) + ": " + reason + ".");
    }
}
