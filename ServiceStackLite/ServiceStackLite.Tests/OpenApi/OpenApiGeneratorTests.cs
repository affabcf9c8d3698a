using System.Text;
using System.Text.Json.Nodes;
using ServiceStackLite.Tests.MessageLayer;
using ServiceStackLite.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using ServiceStack;

namespace ServiceStackLite.Tests.OpenApi;

/// <summary>
/// The generator on the stand-in's test-only operations, none of which it was told about: routes
/// with several verbs or none, a catch-all, a void result, an enum, a tag from the route alone.
/// </summary>
public class OpenApiGeneratorTests
{
    private WebApplication app = null!;
    private JsonNode document = null!;
    private string text = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddSingleton<IRequestRateLimiter>(new TwoPerBudgetLimiter("Guesses", nameof(GuessPing)));
        builder.Services.AddServiceStackLite(options => options.ServiceAssemblies.Add(typeof(EchoServices).Assembly));
        builder.Services.AddServiceStackOpenApi(openApi => openApi.Tags.Add(new("files", "file operations")));
        app = builder.Build();
        app.MapServiceStackLite();
        app.MapServiceStackOpenApi("Echo");
        await app.StartAsync();
        var response = await new Api(app.GetTestClient()).GetAsync("/openapi/v1.json");
        text = response.Text;
        document = response.Body;
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    private JsonNode Operation(string path, string verb) =>
        document["paths"]?[path]?[verb] ?? throw new KeyNotFoundException($"{verb} {path} is not in {text}");

    [Test]
    public async Task The_document_loads_without_errors()
    {
        var result = await OpenApiDocument.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "json");

        Assert.That(result.Diagnostic!.Errors.Concat(result.Diagnostic.Warnings).Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void A_route_with_two_verbs_gives_two_operations_with_unique_ids()
    {
        Assert.That(Operation("/echo/{Id}", "get")["operationId"]!.GetValue<string>(), Is.EqualTo("Echo"));
        Assert.That(Operation("/echo/{Id}", "post")["operationId"]!.GetValue<string>(), Is.EqualTo("Echo_2"));
        Assert.That(Operation("/echo/{Id}", "get")["parameters"]!.AsArray().Select(p => $"{p!["in"]} {p["name"]}"),
            Is.EqualTo(new[] { "path Id", "query text", "query numbers", "query colour", "query snake_case" }));
        Assert.That(Operation("/echo/{Id}", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(),
            Is.EqualTo("#/components/schemas/Echo"));
    }

    [Test]
    public void A_catch_all_route_without_verbs_is_a_path_parameter_under_the_DTOs_verb()
    {
        var operation = Operation("/files/{Path}", "get");

        Assert.That(operation["operationId"]!.GetValue<string>(), Is.EqualTo("GetFile"));
        Assert.That(operation["parameters"]![0]!["in"]!.GetValue<string>(), Is.EqualTo("path"));
        Assert.That(operation["tags"]![0]!.GetValue<string>(), Is.EqualTo("files"));
    }

    [Test]
    public void An_operation_that_returns_nothing_answers_204_without_a_body()
    {
        var responses = Operation("/nothing", "delete")["responses"]!;

        Assert.That(responses.AsObject().Select(r => r.Key), Is.EqualTo(new[] { "204", "413", "500" }), "a body can be too large; anything can fail");
        Assert.That(responses["204"]!["content"], Is.Null);
    }

    [Test]
    public void An_unconfigured_route_is_tagged_by_its_first_segment()
    {
        Assert.That(Operation("/boom", "get")["tags"]![0]!.GetValue<string>(), Is.EqualTo("boom"));
        Assert.That(document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "files", "boom", "echo", "guess", "nothing" }));
    }

    [Test]
    public void A_rate_limited_operation_documents_its_429_and_the_budget_it_draws_on()
    {
        Assert.That(Operation("/guess/pin", "post")["responses"]!["429"]!["description"]!.GetValue<string>(), Does.Contain("on the Guesses budget"));
        Assert.That(Operation("/guess/ping", "post")["responses"]!["429"]!["description"]!.GetValue<string>(), Does.Contain("on the GuessPing budget"));
        Assert.That(Operation("/echo/{Id}", "post")["responses"]!.AsObject().Select(r => r.Key), Has.No.Member("429"));
    }

    [Test]
    public void Enums_lists_and_wire_names_have_their_schemas()
    {
        var echo = document["components"]!["schemas"]!["Echo"]!["properties"]!;

        Assert.That(echo["colour"]!["enum"]!.ToJsonString(), Is.EqualTo("""["Red","Green"]"""));
        Assert.That(echo["numbers"]!["items"]!["type"]!.GetValue<string>(), Is.EqualTo("integer"));
        Assert.That(echo["snake_case"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
    }

    [Test]
    public void Without_CreateErrorBody_errors_are_described_by_ErrorResponse()
    {
        var error = Operation("/echo/{Id}", "get")["responses"]!["400"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();

        Assert.That(error, Is.EqualTo("#/components/schemas/ErrorResponse"));
        Assert.That(document["components"]!["schemas"]!["ErrorResponse"]!["properties"]!["responseStatus"], Is.Not.Null);
    }
}
