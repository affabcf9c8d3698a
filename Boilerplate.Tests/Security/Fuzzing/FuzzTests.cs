using System.Globalization;
using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceStack.Routing;

namespace Boilerplate.Tests.Security.Fuzzing;

/// <summary>
/// Thousands of hostile requests over every route, from a fixed seed, then a look at what is
/// left standing. BOILERPLATE_FUZZ_REQUESTS asks for more (10,000 by default), and
/// BOILERPLATE_FUZZ_SEED for another sequence.
/// </summary>
[OnEachDatabase]
public class FuzzTests(DatabaseKind kind) : ApiFixture(kind)
{
    private const int Bystanders = 20;
    private const int FreshAccountsEvery = 500;
    private const string BystanderPassword = "bystander-password-1";

    private static readonly int Requests = Setting("BOILERPLATE_FUZZ_REQUESTS", 10_000);
    private static readonly int Seed = Setting("BOILERPLATE_FUZZ_SEED", 8);

    private readonly List<string> bystanders = [];
    private readonly List<string> serverErrors = [];
    private readonly List<string> errorsWithoutStatus = [];
    private readonly SortedDictionary<int, int> statuses = [];

    [OneTimeSetUp]
    public async Task Fuzz()
    {
        // Users the fuzzer knows nothing about: it must not be able to harm them by accident.
        for (var i = 0; i < Bystanders; i++)
        {
            var name = UniqueName("bystander");
            await Api.RegisterAsync(name, BystanderPassword);
            bystanders.Add($"{name}@example.com");
        }

        var fuzzer = new Fuzzer(Seed, FuzzTarget.All(Factory.Services.GetRequiredService<ServiceCatalog>()));
        for (var number = 0; number < Requests; number++)
        {
            // The fuzzer logs out, demotes and deletes its own accounts; it gets new ones now and then.
            if (number % FreshAccountsEvery == 0)
                await GiveFreshAccountsAsync(fuzzer);
            var request = fuzzer.Next(number);
            Record(request, await SendAsync(request));
        }
        TestContext.Progress.WriteLine($"{Requests} requests from seed {Seed}: " + string.Join(", ", statuses.Select(s => $"{s.Value}x {s.Key}")));
    }

    [Test]
    public void No_request_gets_a_5xx() =>
        Assert.That(serverErrors, Is.Empty, string.Join("\n", serverErrors.Take(20)));

    [Test]
    public void Every_4xx_has_a_ResponseStatus_body() =>
        Assert.That(errorsWithoutStatus, Is.Empty, string.Join("\n", errorsWithoutStatus.Take(20)));

    [Test]
    public void Both_successes_and_refusals_were_reached()
    {
        Assert.That(statuses.Keys, Has.Some.InRange(200, 299), "some requests got through, so the fuzzer went past the door");
        Assert.That(statuses.Keys, Is.SupersetOf(new[] { 400, 401, 404, 405, 413 }));
    }

    [Test]
    public async Task The_host_still_serves()
    {
        var token = await Api.LoginAsync(bystanders[0], BystanderPassword);
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_database_passes_an_integrity_check()
    {
        switch (Factory.Database)
        {
            case SqliteTestDatabase sqlite:
                await using (var connection = new SqliteConnection($"Data Source={sqlite.Path}"))
                {
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA integrity_check;";
                    Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("ok"));
                }
                break;
            case PostgreSqlTestDatabase postgres:
                // PostgreSQL has no one-call check for an unprivileged role: every table and
                // index is read in full instead, which fails on a damaged page.
                await using (var connection = new NpgsqlConnection(postgres.Url))
                {
                    await connection.OpenAsync();
                    var tables = await ReadColumnAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
                    Assert.That(tables, Does.Contain("user"));
                    foreach (var table in tables)
                        await ReadColumnAsync(connection, $"SELECT count(*)::text FROM \"{table}\"");
                    await ReadColumnAsync(connection, "SET enable_seqscan = off; SELECT count(*)::text FROM \"user\" WHERE email > ''");
                }
                break;
        }
    }

    private static async Task<List<string>> ReadColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        do
        {
            while (await reader.ReadAsync())
                values.Add(reader.GetString(0));
        }
        while (await reader.NextResultAsync());
        return values;
    }

    [Test]
    public async Task Every_user_created_before_can_still_sign_in()
    {
        foreach (var email in bystanders)
        {
            var response = await Api.PostAsync("/auth/login", new { email, password = BystanderPassword });
            Assert.That(response.Status, Is.EqualTo(200), $"{email}: {response.Text}");
        }
    }

    /// <summary>Accounts named so the fuzzer's own registrations (fuzz…@example.com) never collide with them.</summary>
    private async Task GiveFreshAccountsAsync(Fuzzer fuzzer)
    {
        var name = UniqueName("actor");
        var user = await Api.RegisterAsync(name);
        var refreshToken = (await Api.PostAsync("/auth/login", new { email = $"{name}@example.com", password = "password-123" })).String("refreshToken");
        var admin = await Factory.CreateAdminAsync(UniqueName("actoradmin"));
        fuzzer.KnownTokens = [user, admin, refreshToken];
        fuzzer.KnownIds = [(await Api.GetAsync("/user/me", user)).String("public_id"), (await Api.GetAsync("/user/me", admin)).String("public_id")];
    }

    private async Task<FuzzResponse> SendAsync(FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await Api.Http.SendAsync(message);
        return new FuzzResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType);
    }

    private void Record(FuzzRequest request, FuzzResponse response)
    {
        statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
        if (response.Status >= 500)
            serverErrors.Add($"{response.Status} for {request}: {response.Text}");
        // A HEAD answer carries no body by definition.
        else if (response.Status >= 400 && request.Method != "HEAD" && !HasResponseStatus(response))
            errorsWithoutStatus.Add($"{response.Status} for {request}: {response.Text}");
    }

    private static bool HasResponseStatus(FuzzResponse response)
    {
        if (response.ContentType?.MediaType != "application/json")
            return false;
        try
        {
            return JsonNode.Parse(response.Text)?["responseStatus"]?["errorCode"] is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
