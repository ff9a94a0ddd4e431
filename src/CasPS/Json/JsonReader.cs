using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CasPS.Json
{
    /// <summary>
    /// A small strict JSON parser (RFC 8259). CasPS carries its own instead of shipping
    /// Newtonsoft.Json or System.Text.Json, whose copies clash with other modules in the same
    /// session on Windows PowerShell 5.1 and PowerShell 7.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _s;
        private int _i;

        private JsonReader(string s) { _s = s; }

        /// <summary>Parses a whole document; throws FormatException on anything that is not JSON.</summary>
        public static JsonNode Parse(string text)
        {
            if (text == null) throw new FormatException("No JSON text.");
            var r = new JsonReader(text);
            r.SkipWs();
            var v = r.ReadValue(0);
            r.SkipWs();
            if (r._i != r._s.Length) throw r.Error("Unexpected text after the JSON value");
            return v;
        }

        public static bool TryParse(string text, out JsonNode node)
        {
            try { node = Parse(text); return true; }
            catch (FormatException) { node = null; return false; }
        }

        private JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth) throw Error("JSON nested too deeply");
            if (_i >= _s.Length) throw Error("Unexpected end of JSON");
            char c = _s[_i];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return JsonNode.String(ReadString());
                case 't': Expect("true"); return JsonNode.Bool(true);
                case 'f': Expect("false"); return JsonNode.Bool(false);
                case 'n': Expect("null"); return JsonNode.Null();
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return JsonNode.Number(ReadNumber());
                    throw Error("Unexpected character '" + c + "'");
            }
        }

        private JsonNode ReadObject(int depth)
        {
            _i++; // {
            var members = new List<KeyValuePair<string, JsonNode>>();
            SkipWs();
            if (Peek() == '}') { _i++; return JsonNode.Object(members); }
            while (true)
            {
                SkipWs();
                if (Peek() != '"') throw Error("Expected a property name");
                string key = ReadString();
                SkipWs();
                if (Peek() != ':') throw Error("Expected ':'");
                _i++;
                SkipWs();
                members.Add(new KeyValuePair<string, JsonNode>(key, ReadValue(depth + 1)));
                SkipWs();
                char c = Peek();
                _i++;
                if (c == '}') return JsonNode.Object(members);
                if (c != ',') throw Error("Expected ',' or '}'");
            }
        }

        private JsonNode ReadArray(int depth)
        {
            _i++; // [
            var items = new List<JsonNode>();
            SkipWs();
            if (Peek() == ']') { _i++; return JsonNode.Array(items); }
            while (true)
            {
                SkipWs();
                items.Add(ReadValue(depth + 1));
                SkipWs();
                char c = Peek();
                _i++;
                if (c == ']') return JsonNode.Array(items);
                if (c != ',') throw Error("Expected ',' or ']'");
            }
        }

        private string ReadString()
        {
            _i++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_i >= _s.Length) throw Error("Unterminated string");
                char c = _s[_i++];
                if (c == '"') return sb.ToString();
                if (c < 0x20) throw Error("Control character in string");
                if (c != '\\') { sb.Append(c); continue; }
                if (_i >= _s.Length) throw Error("Unterminated escape");
                char e = _s[_i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_i + 4 > _s.Length || !int.TryParse(_s.Substring(_i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            throw Error("Bad \\u escape");
                        sb.Append((char)code);
                        _i += 4;
                        break;
                    default: throw Error("Bad escape");
                }
            }
        }

        private string ReadNumber()
        {
            int start = _i;
            if (Peek() == '-') _i++;
            if (Peek() == '0') _i++;
            else if (IsDigit(Peek())) while (IsDigit(Peek())) _i++;
            else throw Error("Bad number");
            if (Peek() == '.')
            {
                _i++;
                if (!IsDigit(Peek())) throw Error("Bad number");
                while (IsDigit(Peek())) _i++;
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _i++;
                if (Peek() == '+' || Peek() == '-') _i++;
                if (!IsDigit(Peek())) throw Error("Bad number");
                while (IsDigit(Peek())) _i++;
            }
            return _s.Substring(start, _i - start);
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0) throw Error("Unexpected token");
            _i += word.Length;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
        private char Peek() => _i < _s.Length ? _s[_i] : '\0';

        private void SkipWs()
        {
            while (_i < _s.Length && (_s[_i] == ' ' || _s[_i] == '\t' || _s[_i] == '\n' || _s[_i] == '\r')) _i++;
        }

        private FormatException Error(string what) =>
            new FormatException(what + " at position " + _i.ToString(CultureInfo.InvariantCulture) + ".");
    }
}
