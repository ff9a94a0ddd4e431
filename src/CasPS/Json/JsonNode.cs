using System;
using System.Collections.Generic;
using System.Globalization;

namespace CasPS.Json
{
    internal enum JsonKind { Null, Bool, Number, String, Array, Object }

    /// <summary>
    /// A parsed JSON value. Numbers keep their raw text so 64-bit ids (OrderId exceeds 2^53)
    /// are never squeezed through a double. Object keys are looked up case-insensitively,
    /// because the service's error bodies use both "Code" and "code".
    /// </summary>
    internal sealed class JsonNode
    {
        private JsonNode(JsonKind kind) { Kind = kind; }

        public JsonKind Kind { get; }
        public string Text { get; private set; }              // string value, or raw number / bool text
        public List<JsonNode> Items { get; private set; }      // arrays
        public List<KeyValuePair<string, JsonNode>> Members { get; private set; } // objects, in order

        public static JsonNode Null() => new JsonNode(JsonKind.Null);
        public static JsonNode Bool(bool b) => new JsonNode(JsonKind.Bool) { Text = b ? "true" : "false" };
        public static JsonNode Number(string raw) => new JsonNode(JsonKind.Number) { Text = raw };
        public static JsonNode String(string s) => new JsonNode(JsonKind.String) { Text = s };
        public static JsonNode Array(List<JsonNode> items) => new JsonNode(JsonKind.Array) { Items = items };
        public static JsonNode Object(List<KeyValuePair<string, JsonNode>> members) => new JsonNode(JsonKind.Object) { Members = members };

        /// <summary>The member with this name (exact match first, then case-insensitive), or null.</summary>
        public JsonNode this[string name]
        {
            get
            {
                if (Kind != JsonKind.Object) return null;
                JsonNode loose = null;
                foreach (var m in Members)
                {
                    if (string.Equals(m.Key, name, StringComparison.Ordinal)) return m.Value;
                    if (loose == null && string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)) loose = m.Value;
                }
                return loose;
            }
        }

        /// <summary>Text of a string, number or bool; null for null, arrays and objects.</summary>
        public string AsString() => Kind == JsonKind.String || Kind == JsonKind.Number || Kind == JsonKind.Bool ? Text : null;

        /// <summary>An Int64 from a number or a numeric string, parsed exactly (no double on the way).</summary>
        public long? AsInt64()
        {
            if (Kind != JsonKind.Number && Kind != JsonKind.String) return null;
            return long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
        }

        public string GetString(string name) => this[name]?.AsString();
        public long? GetInt64(string name) => this[name]?.AsInt64();
    }
}
