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
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddSingleton<IRequestRateLimiter>(new TwoPerBudgetLimiter("Guesses", nameof(GuessPing)));
        builder.Services.AddServiceStackLite(options =>
        {
            options.ServiceAssemblies.Add(typeof(EchoServices).Assembly);
            options.GlobalRequestFiltersAsync.Add((request, _, dto) => request.Headers["X-Refuse"] is { } reason && dto is Echo
                ? throw HttpError.Forbidden($"refused by a filter: {reason}")
                : Task.CompletedTask);
        });
        app = builder.Build();
        app.UseServiceStackLiteErrors();
        app.MapServiceStackLite();
        await app.StartAsync();
        client = app.GetTestClient();
        api = new Api(client);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task A_global_request_filter_sees_the_bound_dto_and_may_refuse_it_before_the_service_runs()
    {
        var allowed = await api.GetAsync("/echo/7?text=hi");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/echo/7?text=hi") { Headers = { { "X-Refuse", "no" } } };
        using var refused = await client.SendAsync(request);

        Assert.That(allowed.Status, Is.EqualTo(200), "no header, no refusal");
        Assert.That((int)refused.StatusCode, Is.EqualTo(403));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("refused by a filter: no"));
    }

    [Test]
    public async Task Operations_naming_one_budget_draw_on_it_together_and_an_unnamed_one_has_its_own()
    {
        var statuses = new List<int>();
        foreach (var path in new[] { "/guess/pin", "/guess/word", "/guess/pin", "/guess/ping" })
            statuses.Add((await api.PostAsync(path, new { })).Status);
        var refused = await api.PostAsync("/guess/word", new { });

        Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 429, 200 }));
        Assert.That(refused.Header("Retry-After"), Is.EqualTo("7"));
        Assert.That(refused.Text, Does.Contain("TooManyRequests"));
    }

    [Test]
    public void A_budget_the_limiter_does_not_know_stops_the_start_rather_than_every_request()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication();
        builder.Services.AddSingleton<IRequestRateLimiter>(new TwoPerBudgetLimiter(nameof(GuessPing)));
        builder.Services.AddServiceStackLite(options => options.ServiceAssemblies.Add(typeof(EchoServices).Assembly));
        using var unstarted = builder.Build();

        var refused = Assert.Throws<InvalidOperationException>(() => unstarted.MapServiceStackLite());
        Assert.That(refused.Message, Does.Contain("[RateLimited(\"Guesses\")], but the IRequestRateLimiter has no such budget"));
    }

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
        Assert.That(response.ResponseStatus["meta"]!["traceId"]!.GetValue<string>(), Is.Not.Empty, "the id that finds the detail in the log");
    }

    [Test]
    public async Task Without_an_app_error_body_errors_are_servicestacks_error_response()
    {
        var response = await api.GetAsync("/no/such/route");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.Body.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "responseStatus" }));
    }
}
