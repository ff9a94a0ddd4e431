using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CasPS.Json
{
    /// <summary>Writes flat JSON objects (the sandbox's answers): strings escaped, integers exact.</summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new StringBuilder("{");
        private bool _first = true;

        public JsonWriter Add(string name, string value)
        {
            Name(name);
            if (value == null) _sb.Append("null"); else Quote(_sb, value);
            return this;
        }

        public JsonWriter Add(string name, long value)
        {
            Name(name);
            _sb.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Add(string name, bool value)
        {
            Name(name);
            _sb.Append(value ? "true" : "false");
            return this;
        }

        /// <summary>Adds already-serialized JSON (a nested object or array).</summary>
        public JsonWriter AddRaw(string name, string json)
        {
            Name(name);
            _sb.Append(json);
            return this;
        }

        public static string Array(IEnumerable<string> jsonItems) => "[" + string.Join(",", jsonItems) + "]";

        public override string ToString() => _sb.ToString() + "}";

        private void Name(string name)
        {
            if (!_first) _sb.Append(',');
            _first = false;
            Quote(_sb, name);
            _sb.Append(':');
        }

        internal static void Quote(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
