using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ServiceStack;

namespace Boilerplate.Tests.NativeTypes;

/// <summary>Compiles generated C# as a client project would, against the ServiceStack contract types it names.</summary>
public static class GeneratedCSharp
{
    // Our contract assembly stands in for ServiceStack.Interfaces; this is the part of it that it lacks.
    private const string ServiceStackStub = "namespace ServiceStack.DataAnnotations { internal static class Stub { } }";

    public static IReadOnlyList<Diagnostic> CompileErrors(string code)
    {
        var compilation = CSharpCompilation.Create(
            "GeneratedDtos",
            [CSharpSyntaxTree.ParseText(code), CSharpSyntaxTree.ParseText(ServiceStackStub)],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var output = new MemoryStream();
        return compilation.Emit(output).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>The framework's own assemblies, and not the app's: its DTOs would clash with the generated ones.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtime)
            .Append(typeof(IReturn<>).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
