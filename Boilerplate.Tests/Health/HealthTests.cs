using Boilerplate.Host.Cli;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Health;

/// <summary>/health/live and /health/ready, as a load balancer reads them.</summary>
[OnEachDatabase]
public class HealthTests(DatabaseKind kind)
{
    private ApiFactory factory = null!;
    private Api api = null!;

    [SetUp]
    public void Start()
    {
        factory = new ApiFactory(kind: kind);
        api = factory.CreateApi();
    }

    [TearDown]
    public void Stop() => factory?.Dispose();

    [Test]
    public async Task Live_says_the_process_answers_and_checks_nothing_else()
    {
        var response = await api.GetAsync("/health/live");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.String("status"), Is.EqualTo("Healthy"));
        Assert.That(response.Body["checks"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task Ready_says_the_database_answers_with_the_schema_this_build_needs()
    {
        var response = await api.GetAsync("/health/ready");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Body["checks"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
        Assert.That(response.Body["checks"]!["database"]!["description"]!.GetValue<string>(), Does.Contain($"migration {DatabaseHealthCheck.ExpectedVersion}"), "the newest migration this build ships");
        Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-store"));
    }

    [Test]
    public async Task Ready_is_503_while_migrations_are_pending()
    {
        await new CommandLine(() => factory.Services, () => Task.CompletedTask, new StringWriter(), new StringWriter()).RunAsync(["db", "downgrade", "--yes"]);

        var response = await api.GetAsync("/health/ready");

        Assert.That(response.Status, Is.EqualTo(503));
        Assert.That(response.String("status"), Is.EqualTo("Unhealthy"));
        Assert.That(response.Body["checks"]!["database"]!["description"]!.GetValue<string>(), Does.Contain("run 'db upgrade'"));
        Assert.That((await api.GetAsync("/health/live")).Status, Is.EqualTo(200), "a process that answers is alive, ready or not");
    }

    [Test]
    public async Task Neither_probe_shows_where_the_database_is_or_how_to_sign_in_to_it()
    {
        var bodies = (await api.GetAsync("/health/ready")).Text + (await api.GetAsync("/health/live")).Text;

        Assert.That(bodies, Does.Not.Contain("Password").IgnoreCase.And.Not.Contain("Host=").IgnoreCase
            .And.Not.Contain("sqlite").IgnoreCase.And.Not.Contain("boilerplate_test"));
    }
}
