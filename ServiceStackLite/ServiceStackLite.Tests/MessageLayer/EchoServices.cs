using System.Runtime.Serialization;
using ServiceStack;

namespace ServiceStackLite.Tests.MessageLayer;

// Test-only operations that exercise the stand-in where the app's own DTOs do not.

public enum Colour { Red, Green }

[Route("/echo/{Id}", "GET,POST")]
public class Echo : IReturn<EchoResponse>
{
    public int Id { get; set; }
    public string? Text { get; set; }
    public List<int>? Numbers { get; set; }
    public Colour? Colour { get; set; }
    [DataMember(Name = "snake_case")]
    public string? SnakeCase { get; set; }
}

public class EchoResponse
{
    public int Id { get; set; }
    public string? Text { get; set; }
    public List<int>? Numbers { get; set; }
    public Colour? Colour { get; set; }
    [DataMember(Name = "snake_case")]
    public string? SnakeCase { get; set; }
    public string? Verb { get; set; }
}

[Tag("files")]
[Route("/files/{Path*}")]
public class GetFile : IReturn<EchoResponse>, IGet
{
    public string? Path { get; set; }
}

[Route("/nothing", "DELETE")]
public class DoNothing : IReturnVoid, IDelete;

[Route("/boom", "GET")]
public class Boom : IReturn<EchoResponse>, IGet;

public class EchoServices : Service
{
    public EchoResponse Any(Echo request) => new()
    {
        Id = request.Id,
        Text = request.Text,
        Numbers = request.Numbers,
        Colour = request.Colour,
        SnakeCase = request.SnakeCase,
        Verb = Request.Verb,
    };

    public Task<EchoResponse> Get(GetFile request) => Task.FromResult(new EchoResponse { Text = request.Path });

    public Task Delete(DoNothing request) => Task.CompletedTask;

    public EchoResponse Get(Boom request) => throw new InvalidOperationException("secret internal detail");
}
