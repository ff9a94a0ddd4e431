using System.Text;
using System.Xml;

namespace CasPS.HelpBuilder;

/// <summary>
/// Writes the MAML Get-Help reads for binary modules. Lean on purpose (large MAML makes Get-Help
/// slow): no empty elements, and syntax items carry only what the SYNTAX view shows, since
/// descriptions and the remaining attributes come from command:parameters.
/// </summary>
public static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static byte[] Write(IEnumerable<CommandHelp> commands)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("helpItems", Msh);
            w.WriteAttributeString("schema", "maml");
            // Declared once here rather than on every command: same meaning, fewer bytes.
            w.WriteAttributeString("xmlns", "maml", null, Maml);
            w.WriteAttributeString("xmlns", "command", null, Command);
            w.WriteAttributeString("xmlns", "dev", null, Dev);
            foreach (var c in commands) WriteCommand(w, c);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteCommand(XmlWriter w, CommandHelp c)
    {
        w.WriteStartElement("command", "command", Command);

        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, c.Name);
        w.WriteElementString("command", "verb", Command, c.Verb);
        w.WriteElementString("command", "noun", Command, c.Noun);
        Paras(w, "maml", "description", Maml, c.Synopsis);
        w.WriteEndElement();

        Paras(w, "maml", "description", Maml, c.Description);

        List(w, "syntax", c.Syntax, item =>
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, c.Name);
            foreach (var sp in item.Parameters)
            {
                w.WriteStartElement("command", "parameter", Command);
                w.WriteAttributeString("required", Bool(sp.Usage.Required));
                w.WriteAttributeString("position", sp.Usage.Position);
                w.WriteElementString("maml", "name", Maml, sp.Parameter.Name);
                if (sp.Parameter.AcceptedValues.Count > 0)
                {
                    // Shown as {Dns | File} in the syntax.
                    w.WriteStartElement("command", "parameterValueGroup", Command);
                    foreach (var v in sp.Parameter.AcceptedValues) ParameterValue(w, v, required: false);
                    w.WriteEndElement();
                }
                else if (!sp.Parameter.IsSwitch) w.WriteElementString("command", "parameterValue", Command, sp.Parameter.Type);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });

        List(w, "parameters", c.Parameters, p =>
        {
            // One entry per parameter, so per-set differences live in the syntax items; here the
            // first yaml block speaks for the parameter, as in platyPS.
            var usage = p.Usages[0];
            w.WriteStartElement("command", "parameter", Command);
            w.WriteAttributeString("required", Bool(usage.Required));
            w.WriteAttributeString("globbing", Bool(p.Globbing));
            w.WriteAttributeString("pipelineInput", usage.PipelineInput);
            w.WriteAttributeString("position", usage.Position);
            w.WriteAttributeString("aliases", p.Aliases.Count > 0 ? string.Join(", ", p.Aliases) : "none");
            w.WriteElementString("maml", "name", Maml, p.Name);
            Paras(w, "maml", "description", Maml, p.Description);
            // required="false" makes the full view print "-Name [<SwitchParameter>]", as for built-in cmdlets.
            ParameterValue(w, p.Type, required: !p.IsSwitch);
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, p.Type);
            w.WriteEndElement();
            w.WriteElementString("dev", "defaultValue", Dev, p.DefaultValue);
            w.WriteEndElement();
        });

        List(w, "inputTypes", c.Inputs, t => TypeEntry(w, "inputType", t));
        List(w, "returnValues", c.Outputs, t => TypeEntry(w, "returnValue", t));

        if (c.Notes.Count > 0)
        {
            w.WriteStartElement("maml", "alertSet", Maml);
            Paras(w, "maml", "alert", Maml, c.Notes);
            w.WriteEndElement();
        }

        List(w, "examples", c.Examples, e =>
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, "---------- " + e.Title + " ----------");
            Paras(w, "maml", "introduction", Maml, e.Introduction);
            w.WriteElementString("dev", "code", Dev, e.Code);
            Paras(w, "dev", "remarks", Dev, e.Remarks);
            w.WriteEndElement();
        });

        if (c.Links.Count > 0)
        {
            w.WriteStartElement("command", "relatedLinks", Command);
            foreach (var l in c.Links)
            {
                w.WriteStartElement("maml", "navigationLink", Maml);
                w.WriteElementString("maml", "linkText", Maml, l.Text);
                if (l.Uri.Length > 0) w.WriteElementString("maml", "uri", Maml, l.Uri);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void TypeEntry(XmlWriter w, string element, TypeHelp t)
    {
        w.WriteStartElement("command", element, Command);
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, t.TypeName);
        w.WriteEndElement();
        Paras(w, "maml", "description", Maml, t.Description);
        w.WriteEndElement();
    }

    private static void ParameterValue(XmlWriter w, string value, bool required)
    {
        w.WriteStartElement("command", "parameterValue", Command);
        w.WriteAttributeString("required", Bool(required));
        w.WriteString(value);
        w.WriteEndElement();
    }

    /// <summary>A command:&lt;name&gt; wrapper around the items, left out entirely when there are none.</summary>
    private static void List<T>(XmlWriter w, string name, IReadOnlyList<T> items, Action<T> writeItem)
    {
        if (items.Count == 0) return;
        w.WriteStartElement("command", name, Command);
        foreach (var item in items) writeItem(item);
        w.WriteEndElement();
    }

    /// <summary>A wrapper of maml:para elements, left out entirely when there are none.</summary>
    private static void Paras(XmlWriter w, string prefix, string name, string ns, IReadOnlyList<string> paras)
    {
        if (paras.Count == 0) return;
        w.WriteStartElement(prefix, name, ns);
        foreach (var p in paras) w.WriteElementString("maml", "para", Maml, p);
        w.WriteEndElement();
    }

    private static string Bool(bool b) => b ? "true" : "false";
}
