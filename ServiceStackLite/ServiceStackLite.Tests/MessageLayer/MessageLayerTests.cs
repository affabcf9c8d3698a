using ServiceStackLite.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceStack;

namespace ServiceStackLite.Tests.MessageLayer;

/// <summary>The ServiceStack stand-in on its own, serving test-only operations.</summary>
public class MessageLayerTests
{
    private WebApplication app = null!;
    private Api api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddServiceStackLite(options => options.ServiceAssemblies.Add(typeof(EchoServices).Assembly));
        app = builder.Build();
        app.UseServiceStackLiteErrors();
        app.MapServiceStackLite();
        await app.StartAsync();
        api = new Api(app.GetTestClient());
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Path_variables_and_the_query_string_bind_lists_enums_and_wire_names()
    {
        var response = await api.GetAsync("/echo/42?text=hi&numbers=1,2,3&colour=green&snake_case=yes");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Text, Is.EqualTo("""{"id":42,"text":"hi","numbers":[1,2,3],"colour":"Green","snake_case":"yes","verb":"GET"}"""));
    }

    [Test]
    public async Task A_bare_query_key_is_null()
    {
        var response = await api.PostAsync("/api/Echo?text", new { id = 5, text = "from the body" });
        var custom = await api.GetAsync("/echo/5?text&colour");

        Assert.That(response.Body["text"]!.GetValue<string>(), Is.EqualTo("from the body"), "a predefined route only fills unset values");
        Assert.That(custom.Text, Is.EqualTo("""{"id":5,"verb":"GET"}"""));
    }

    [Test]
    public async Task Query_keys_match_whatever_their_casing()
    {
        var response = await api.GetAsync("/echo/1?TEXT=loud&Snake_Case=x");
        Assert.That(response.Text, Is.EqualTo("""{"id":1,"text":"loud","snake_case":"x","verb":"GET"}"""));
    }

    [Test]
    public async Task Lists_may_also_be_written_in_brackets()
    {
        var response = await api.GetAsync("/echo/1?numbers=[4,5]");
        Assert.That(response.Body["numbers"]!.AsArray().Select(n => n!.GetValue<int>()), Is.EqualTo(new[] { 4, 5 }));
    }

    [Test]
    public async Task An_any_method_serves_every_verb_of_the_route()
    {
        var response = await api.PostAsync("/echo/7", new { text = "posted" });

        Assert.That(response.Body["verb"]!.GetValue<string>(), Is.EqualTo("POST"));
        Assert.That(response.Body["text"]!.GetValue<string>(), Is.EqualTo("posted"));
    }

    [Test]
    public async Task A_path_variable_overwrites_the_body()
    {
        var response = await api.PostAsync("/echo/7", new { id = 99 });
        Assert.That(response.Body["id"]!.GetValue<int>(), Is.EqualTo(7));
    }

    [Test]
    public async Task Nulls_are_left_out_of_responses()
    {
        var response = await api.GetAsync("/echo/3");
        Assert.That(response.Text, Is.EqualTo("""{"id":3,"verb":"GET"}"""));
    }

    [Test]
    public async Task A_catch_all_route_takes_the_rest_of_the_path()
    {
        var response = await api.GetAsync("/files/a/b/c.txt");
        Assert.That(response.Body["text"]!.GetValue<string>(), Is.EqualTo("a/b/c.txt"));
    }

    [Test]
    public async Task A_void_operation_answers_204_with_no_body()
    {
        var response = await api.SendAsync(HttpMethod.Delete, "/nothing");

        Assert.That(response.Status, Is.EqualTo(204));
        Assert.That(response.Text, Is.Empty);
    }

    [TestCase("/echo/notanumber", "id")]
    [TestCase("/echo/1?numbers=1,x", "numbers")]
    [TestCase("/echo/1?colour=purple", "colour")]
    public async Task A_value_that_does_not_parse_is_400_naming_the_field(string path, string field)
    {
        var response = await api.GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo(field));
    }

    [Test]
    public async Task An_unexpected_exception_is_500_without_its_message()
    {
        var response = await api.GetAsync("/boom");

        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InternalServerError"));
        Assert.That(response.Text, Does.Not.Contain("secret internal detail"));
    }

    [Test]
    public async Task Without_an_app_error_body_errors_are_servicestacks_error_response()
    {
        var response = await api.GetAsync("/no/such/route");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.Body.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "responseStatus" }));
    }
}
