using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CasPS.Tests.Engine;

/// <summary>
/// The test project does not copy CasPS.dll into its bin folder; this loads it from the built
/// module folder instead, so the assembly the unit tests touch is the very one Import-Module uses.
/// </summary>
internal static class ModuleAssemblyResolver
{
    [ModuleInitializer]
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "CasPS"
                ? context.LoadFromAssemblyPath(Path.Combine(ModulePaths.ModuleFolder, "CasPS.dll"))
                : null;
    }
}
