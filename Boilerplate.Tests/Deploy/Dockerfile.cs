using System.Text.Json;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Deploy;

/// <summary>What the repository's Dockerfile says of the image it runs: its last stage's instructions, read from the file.</summary>
public sealed class Dockerfile
{
    private Dockerfile(List<(string Instruction, string Arguments)> lines) => Lines = lines;

    private List<(string Instruction, string Arguments)> Lines { get; }

    public static Dockerfile Read()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var instructions = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is [var name, var rest] ? (name.ToUpperInvariant(), rest.Trim()) : (line.ToUpperInvariant(), ""))
            .ToList();
        var lastStage = instructions.FindLastIndex(i => i.Item1 == "FROM");
        return new Dockerfile(instructions.Skip(lastStage).ToList());
    }

    public string BaseImage => One("FROM");
    public string WorkingDirectory => One("WORKDIR");
    public string User => One("USER");
    public string Volume => One("VOLUME");
    public string Expose => One("EXPOSE");

    /// <summary>Every ENV of the last stage, in the KEY=value form.</summary>
    public Dictionary<string, string> Environment => Lines.Where(l => l.Instruction == "ENV")
        .SelectMany(l => l.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1]);

    public string[] Entrypoint => JsonSerializer.Deserialize<string[]>(One("ENTRYPOINT"))!;

    /// <summary>The health check's command, after its options.</summary>
    public string[] HealthCheck => JsonSerializer.Deserialize<string[]>(One("HEALTHCHECK")[(One("HEALTHCHECK").IndexOf("CMD ", StringComparison.Ordinal) + 4)..])!;

    private string One(string instruction) => Lines.Single(l => l.Instruction == instruction).Arguments;
}
