using CasPS.HelpBuilder;

// Usage: CasPS.HelpBuilder <help dir> <output MAML file>
// Compiles help/<Verb-Noun>.md into one MAML file and help/about_*.md into about_*.help.txt
// beside it. Runs after every build, so it writes only files whose content changed and
// reports every broken page (file(line): error ...) before failing, so one build shows them all.

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CasPS.HelpBuilder <help directory> <output .dll-Help.xml path>");
    return 2;
}
var (helpDir, outFile) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
if (!Directory.Exists(helpDir))
{
    Console.Error.WriteLine($"{helpDir}: error CASHELP: help directory not found");
    return 1;
}
var outDir = Path.GetDirectoryName(outFile)!;

var errors = new List<HelpFormatException>();
var commands = new List<CommandHelp>();
var aboutTopics = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
foreach (var file in Directory.GetFiles(helpDir, "*.md").Order(StringComparer.Ordinal))
{
    try
    {
        var text = File.ReadAllText(file);
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            aboutTopics[name + ".help.txt"] = AboutTopicWriter.Convert(text, file);
        else
            commands.Add(MarkdownHelpParser.Parse(text, file));
    }
    catch (HelpFormatException e)
    {
        errors.Add(e);
    }
}
if (errors.Count > 0)
{
    foreach (var e in errors) Console.Error.WriteLine(e.ToString());
    Console.Error.WriteLine($"CasPS.HelpBuilder: {errors.Count} help page(s) need fixing; no help was written.");
    return 1;
}

Directory.CreateDirectory(outDir);
WriteIfChanged(outFile, MamlWriter.Write(commands));
foreach (var (name, text) in aboutTopics) WriteIfChanged(Path.Combine(outDir, name), new System.Text.UTF8Encoding(false).GetBytes(text));
// A page deleted from help/ must not live on in the module folder.
foreach (var stale in Directory.GetFiles(outDir, "about_*.help.txt").Where(f => !aboutTopics.ContainsKey(Path.GetFileName(f))))
    File.Delete(stale);
return 0;

// Leaves an unchanged file untouched, so its timestamp (and anything incremental after it) holds.
static void WriteIfChanged(string path, byte[] content)
{
    if (File.Exists(path) && new FileInfo(path).Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content)) return;
    File.WriteAllBytes(path, content);
}
