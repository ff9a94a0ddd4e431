using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CasPS.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark project does not copy CasPS.dll next to itself; this loads it from the built
/// module folder instead, so the assembly the benchmarks call directly is the very one
/// Import-Module uses (two copies would make the import fail or the types differ).
/// Runs in BenchmarkDotNet's child processes too, since they load this assembly.
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
