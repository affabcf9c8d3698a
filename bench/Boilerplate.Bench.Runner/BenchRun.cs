using System.Diagnostics;
using System.Security.Cryptography;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// One benchmark run: a seeded database, the host and the baseline side by side, then rounds in
/// which every scenario runs right after the one its ratio is taken against.
/// </summary>
public sealed partial class BenchRun(RunOptions options, BenchPaths paths)
{
    private const string Password = "bench-password-1";
    private const int ProductionWorkFactor = 12;
    private const int GetConnections = 32;
    // More than the bcrypt permits (one per core), fewer than permits plus queue: busy, never 503.
    private const int BcryptConnections = 4;
    private const int FloodConnections = 64;
    private const int HostPort = 5080, RevokedHostPort = 5081, PostgresHostPort = 5082, BaselinePort = 5090;

    private const int ApiKeyCount = 1_000;
    private const string PublicUrl = "https://bench.example.test";
    private static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    private readonly BenchIssuer issuer = new(Secret, PublicUrl, accessTokenLifetime: TimeSpan.FromHours(4));
    private readonly Wrk wrk = new(paths.Lua, paths.Work);
    private readonly List<string> problems = [];

    /// <summary>A sign-in takes half a second at cost 12: even the smoke gives each a few.</summary>
    private TimeSpan BcryptDuration => options.Duration < TimeSpan.FromSeconds(3) ? TimeSpan.FromSeconds(3) : options.Duration;

    public IReadOnlyList<string> Problems => problems;

    public async Task<Report> RunAsync()
    {
        var started = DateTime.UtcNow;
        var report = new Report(options) { LoadBefore = Machine.LoadAverage() };
        Log($"load average {report.LoadBefore}; {Machine.Cores} cores");

        var userCount = options.Quick ? 200 : 20_000;
        var revokedCount = options.Quick ? 10_000 : 1_000_000;
        Log($"seeding {userCount} users, and a copy with {revokedCount} revoked token ids");
        var plainDb = BenchDatabase.Fresh(Path.Combine(paths.Work, "plain.db"));
        await MigrateAsync(plainDb);
        var passwordHash = BCrypt.Net.BCrypt.HashPassword(Password, ProductionWorkFactor);
        var users = await plainDb.SeedUsersAsync(userCount, passwordHash);
        await plainDb.SeedSigningKeyAsync(issuer.Key);
        var apiKeys = await plainDb.SeedApiKeysAsync(options.Quick ? 100 : ApiKeyCount);
        var revokedDb = plainDb.CopyTo(Path.Combine(paths.Work, "revoked.db"));
        await revokedDb.SeedRevokedAsync(revokedCount);
        var postgresDb = options.Postgres is { } server ? await BenchDatabase.FreshPostgresAsync(server, "users") : null;
        var accountsPostgresDb = options.Postgres is { } sameServer ? await BenchDatabase.FreshPostgresAsync(sameServer, "accounts") : null;
        try
        {
            if (postgresDb is not null)
            {
                Log("seeding the same users on PostgreSQL");
                await MigrateAsync(postgresDb);
                await postgresDb.SeedUsersAsync(users);
                await postgresDb.SeedSigningKeyAsync(issuer.Key);
            }
            var accounts = AccountSeeder.Generate(AccountCount(options));
            Log($"seeding {accounts.Count:N0} accounts");
            var accountDatabases = await SeedAccountsAsync(accounts, passwordHash, accountsPostgresDb);
            return await RunAsync(started, report, userCount, revokedCount, plainDb, revokedDb, postgresDb, users, apiKeys, accounts, accountDatabases);
        }
        finally
        {
            if (postgresDb is not null)
                await postgresDb.DropAsync();
            if (accountsPostgresDb is not null)
                await accountsPostgresDb.DropAsync();
        }
    }

    private async Task<Report> RunAsync(DateTime started, Report report, int userCount, int revokedCount,
        BenchDatabase plainDb, BenchDatabase revokedDb, BenchDatabase? postgresDb, List<UserRecord> users,
        List<(string PublicId, string Key)> apiKeys, List<SeededAccount> accounts, List<AccountsDatabase> accountDatabases)
    {

        // Tokens made by the app's own issuer with the hosts' signing key: exactly what a sign-in returns.
        var admin = users[0];
        var member = users[1];
        var adminToken = issuer.Issue(admin, "bench-admin");
        var memberToken = issuer.Issue(member, "bench-member");
        // Every user signed in once, each with a token of their own, as real traffic looks.
        var tokensFile = Path.Combine(paths.Work, "tokens.txt");
        await File.WriteAllLinesAsync(tokensFile, users.Select(user => $"{user.PublicId} {issuer.Issue(user, Guid.NewGuid().ToString("N"))}"));
        var manyMeEnv = ManyUsers(tokensFile, "/user/me");
        var manyByIdEnv = ManyUsers(tokensFile, "/user/{id}");
        // API keys the same way: each of many users' scripts with a key of its own.
        var keysFile = Path.Combine(paths.Work, "apikeys.txt");
        await File.WriteAllLinesAsync(keysFile, apiKeys.Select(k => $"{k.PublicId} {k.Key}"));
        var manyKeysEnv = ManyUsers(keysFile, "/user/me");

        Log("cold starts");
        var plainStarts = new List<double>();
        var revokedStarts = new List<double>();
        // Taken at the first answer of two fresh processes, alike but for the ids: later, the
        // hosts' heaps differ by the load each has served, and that swamps the ids.
        var revokedRssCost = new List<double>();
        for (var i = 0; i < options.Rounds; i++)
        {
            var (plainStart, plainRss) = await StartAsync(plainDb, memberToken);
            var (revokedStart, revokedRss) = await StartAsync(revokedDb, memberToken);
            plainStarts.Add(plainStart);
            revokedStarts.Add(revokedStart);
            revokedRssCost.Add(revokedRss - plainRss);
        }

        using var baseline = HostProcess.Start("baseline", paths.BaselineDll, BaselinePort, new Dictionary<string, string>(), paths.Work);
        await baseline.WaitForOkAsync("/json");
        var baselineToken = (await baseline.GetStringAsync("/token")).Trim('"');
        using var host = StartHost("host", plainDb, HostPort);
        await host.WaitForOkAsync("/user/me", memberToken);
        using var revokedHost = StartHost("host-revoked", revokedDb, RevokedHostPort);
        await revokedHost.WaitForOkAsync("/user/me", memberToken);
        using var postgresHost = postgresDb is null ? null : StartHost("host-postgres", postgresDb, PostgresHostPort);
        if (postgresHost is not null)
            await postgresHost.WaitForOkAsync("/user/me", memberToken);

        var memberEnv = Token(memberToken);
        var adminEnv = new Dictionary<string, string> { ["BENCH_TOKEN"] = adminToken, ["BENCH_PAGES"] = (userCount / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var loginEnv = new Dictionary<string, string> { ["BENCH_EMAIL"] = member.Email, ["BENCH_PASSWORD"] = Password };
        var byIdPath = $"/user/{member.PublicId}";

        Log("warming up");
        var warmup = TimeSpan.FromSeconds(options.Quick ? 1 : 3);
        await wrk.RunAsync(baseline.BaseUrl + "/json", "get.lua", GetConnections, warmup);
        await wrk.RunAsync(baseline.BaseUrl + "/json-jwt", "get.lua", GetConnections, warmup, Token(baselineToken));
        await wrk.RunAsync(host.BaseUrl + byIdPath, "get.lua", GetConnections, warmup, memberEnv);
        await wrk.RunAsync(host.BaseUrl + "/user/me", "get.lua", GetConnections, warmup, memberEnv);
        await WarmEveryTokenAsync(host.BaseUrl, manyMeEnv, warmup);
        await WarmEveryTokenAsync(host.BaseUrl, manyKeysEnv, warmup);
        await wrk.RunAsync(host.BaseUrl + "/user", "admin-list.lua", GetConnections, warmup, adminEnv);
        await wrk.RunAsync(revokedHost.BaseUrl + "/user/me", "get.lua", GetConnections, warmup, memberEnv);
        await wrk.RunAsync(host.BaseUrl + "/auth/login", "login.lua", BcryptConnections, BcryptDuration, loginEnv);
        if (postgresHost is not null)
        {
            await wrk.RunAsync(postgresHost.BaseUrl + byIdPath, "get.lua", GetConnections, warmup, memberEnv);
            await wrk.RunAsync(postgresHost.BaseUrl + "/user/me", "get.lua", GetConnections, warmup, memberEnv);
            await WarmEveryTokenAsync(postgresHost.BaseUrl, manyMeEnv, warmup);
        }

        const string baselineJson = "baseline JSON";
        var json = report.Add(baselineJson);
        var jsonJwt = report.Add("baseline JSON + JwtBearer", baselineJson);
        var byId = report.Add("GET /user/{public_id} (SQLite)", baselineJson, 0.6);
        var byIdPostgres = postgresHost is null ? null : report.Add("GET /user/{public_id} (PostgreSQL)", baselineJson, 0.45);
        var me = report.Add("GET /user/me", baselineJson, 0.6);
        var mePostgres = postgresHost is null ? null : report.Add("GET /user/me (PostgreSQL)", baselineJson, 0.45);
        var manyUsers = $"{users.Count:N0} users' tokens in turn";
        var manyById = report.Add($"GET /user/{{public_id}}, {manyUsers} (SQLite)", baselineJson, 0.6);
        var manyByIdPostgres = postgresHost is null ? null : report.Add($"GET /user/{{public_id}}, {manyUsers} (PostgreSQL)", baselineJson, 0.45);
        var manyMe = report.Add($"GET /user/me, {manyUsers} (SQLite)", baselineJson, 0.6);
        var manyMePostgres = postgresHost is null ? null : report.Add($"GET /user/me, {manyUsers} (PostgreSQL)", baselineJson, 0.45);
        var manyKeys = report.Add($"GET /user/me, {apiKeys.Count:N0} API keys in turn (SQLite)", baselineJson, 0.5);
        var meRevoked = report.Add($"GET /user/me, {revokedCount:N0} revoked ids loaded", me.Name, 0.95);
        var list = report.Add($"GET /user?per_page=100 (admin, {userCount:N0} users)", baselineJson, 0.15);
        var verify = report.Add($"bare BCrypt.Verify, cost {ProductionWorkFactor}, {Machine.Cores} threads");
        var login = report.Add("POST /auth/login", verify.Name, 0.9);
        var hash = report.Add($"bare BCrypt hash, cost {ProductionWorkFactor}, {Machine.Cores} threads");
        var register = report.Add("POST /user (register)", hash.Name, 0.9);
        var flooded = report.Add($"GET /user/me during a login flood ({FloodConnections} connections)", me.Name, 0.3, maxP99Ms: 25);
        // Taken again right before the accounts' GETs, which run a few minutes after the first.
        var jsonAgain = report.Add($"{baselineJson}, again before the accounts");
        using var accountsRun = await PrepareAccountsAsync(report, accountDatabases, accounts, issuer, jsonAgain.Name);
        var accountsLogin = report.Add($"POST /auth/login ({accounts.Count:N0} accounts, SQLite)", verify.Name, 0.9);
        var everyAccount = report.Add($"GET /user/me, each of {accounts.Count:N0} accounts' tokens in turn (SQLite)", jsonAgain.Name);
        Log("starting the hosts on the accounts");
        await StartAccountHostsAsync(accountsRun, warmup);

        var rssUnderLoad = new List<double>();
        var rssUnderManyUsers = new List<double>();
        var rssUnderEveryAccount = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Log($"round {round} of {options.Rounds}");
            json.Rounds.Add(await LoadAsync(json, baseline.BaseUrl + "/json", "get.lua", GetConnections));
            jsonJwt.Rounds.Add(await LoadAsync(jsonJwt, baseline.BaseUrl + "/json-jwt", "get.lua", GetConnections, Token(baselineToken)));
            await using (var rss = new RssSampler(host))
            {
                byId.Rounds.Add(await LoadAsync(byId, host.BaseUrl + byIdPath, "get.lua", GetConnections, memberEnv));
                me.Rounds.Add(await LoadAsync(me, host.BaseUrl + "/user/me", "get.lua", GetConnections, memberEnv));
                rssUnderLoad.Add(rss.MaxMb);
            }
            await using (var rss = new RssSampler(host))
            {
                manyById.Rounds.Add(await LoadAsync(manyById, host.BaseUrl, "many-users.lua", GetConnections, manyByIdEnv));
                manyMe.Rounds.Add(await LoadAsync(manyMe, host.BaseUrl, "many-users.lua", GetConnections, manyMeEnv));
                rssUnderManyUsers.Add(rss.MaxMb);
            }
            manyKeys.Rounds.Add(await LoadAsync(manyKeys, host.BaseUrl, "many-users.lua", GetConnections, manyKeysEnv));
            meRevoked.Rounds.Add(await LoadAsync(meRevoked, revokedHost.BaseUrl + "/user/me", "get.lua", GetConnections, memberEnv));
            if (postgresHost is not null)
            {
                byIdPostgres!.Rounds.Add(await LoadAsync(byIdPostgres, postgresHost.BaseUrl + byIdPath, "get.lua", GetConnections, memberEnv));
                mePostgres!.Rounds.Add(await LoadAsync(mePostgres, postgresHost.BaseUrl + "/user/me", "get.lua", GetConnections, memberEnv));
                manyByIdPostgres!.Rounds.Add(await LoadAsync(manyByIdPostgres, postgresHost.BaseUrl, "many-users.lua", GetConnections, manyByIdEnv));
                manyMePostgres!.Rounds.Add(await LoadAsync(manyMePostgres, postgresHost.BaseUrl, "many-users.lua", GetConnections, manyMeEnv));
            }
            list.Rounds.Add(await LoadAsync(list, host.BaseUrl + "/user", "admin-list.lua", GetConnections, adminEnv));

            verify.Rounds.Add(Bare(BareBcrypt.VerifiesPerSecond(Password, admin.PasswordHash, BcryptDuration)));
            login.Rounds.Add(await LoadAsync(login, host.BaseUrl + "/auth/login", "login.lua", BcryptConnections, loginEnv, BcryptDuration));
            hash.Rounds.Add(Bare(BareBcrypt.HashesPerSecond(Password, ProductionWorkFactor, BcryptDuration)));
            var registerEnv = new Dictionary<string, string> { ["BENCH_RUN"] = $"{started:HHmmss}x{round}", ["BENCH_PASSWORD"] = Password };
            register.Rounds.Add(await LoadAsync(register, host.BaseUrl + "/user", "register.lua", BcryptConnections, registerEnv, BcryptDuration));

            flooded.Rounds.Add(await DuringFloodAsync(flooded, host, memberEnv, loginEnv));

            jsonAgain.Rounds.Add(await LoadAsync(jsonAgain, baseline.BaseUrl + "/json", "get.lua", GetConnections));
            await RunAccountsRoundAsync(accountsRun, warmup);
            accountsLogin.Rounds.Add(await LoadAsync(accountsLogin, accountsRun.Databases[0].Host!.BaseUrl + "/auth/login", "login.lua", BcryptConnections, accountsRun.LoginEnv, BcryptDuration));
            rssUnderEveryAccount.Add(await RssWithEveryAccountAsync(accountsRun, everyAccount));
        }

        report.Add(new Figure("RSS under the GET load (largest sample)", Report.Median(rssUnderLoad), "MB", 250));
        report.Add(new Figure($"RSS under the GET load of {manyUsers} (largest sample)", Report.Median(rssUnderManyUsers), "MB", 250));
        report.Add(new Figure($"RSS under the GET load of each of {accounts.Count:N0} accounts' tokens in turn (largest sample)", Report.Median(rssUnderEveryAccount), "MB", null));
        var (perUser, perToken) = await CacheFootprint.MeasureAsync(users.Count);
        report.Add(new Figure($"kept per cached user ({users.Count:N0} users; at most {UserCache.Capacity:N0})", perUser, "B", null));
        report.Add(new Figure($"kept per remembered token ({users.Count:N0} tokens; at most {RememberedTokens.Capacity:N0})", perToken, "B", null));
        report.Add(new Figure("both caches full, at most", (perUser * UserCache.Capacity + perToken * RememberedTokens.Capacity) / 1e6, "MB", null));
        report.Add(new Figure($"RSS cost of {revokedCount:N0} revoked ids", Report.Median(revokedRssCost), "MB", 150));
        report.Add(new Figure($"start to first 200 with {revokedCount:N0} revoked ids, less the plain start (load time)",
            Report.Median(revokedStarts) - Report.Median(plainStarts), "s", 3));
        report.Add(new Figure("cold start: process start to first 200 (Release, SQLite, migrations current)", Report.Median(plainStarts), "s", 1.5));

        report.LoadAfter = Machine.LoadAverage();
        Console.WriteLine();
        Console.Write(report.Markdown());
        Console.WriteLine($"load average {report.LoadBefore} before, {report.LoadAfter} after");
        if (!options.Quick)
        {
            report.Write(paths.Results, started);
            Log($"written to {paths.Results}");
        }
        foreach (var problem in problems)
            Console.Error.WriteLine($"problem: {problem}");
        return report;
    }

    private async Task MigrateAsync(BenchDatabase db)
    {
        using var migrate = HostProcess.Start("migrate", paths.HostDll, HostPort, HostEnvironment(db), paths.Work, "db", "upgrade");
        await migrate.ExpectExitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Seconds from process start to the first 200, and the resident memory then.</summary>
    private async Task<(double Seconds, double RssMb)> StartAsync(BenchDatabase db, string token)
    {
        using var host = StartHost("cold-start", db, HostPort);
        var started = await host.WaitForOkAsync("/user/me", token);
        return (started.TotalSeconds, host.RssMb());
    }

    private HostProcess StartHost(string name, BenchDatabase db, int port) =>
        HostProcess.Start(name, paths.HostDll, port, HostEnvironment(db), paths.Work);

    /// <summary>
    /// Production as it ships (bcrypt cost 12, warnings only), except the per-client budgets of
    /// sign-in, registration and renewal: every request here comes from one address. The mail a
    /// registration queues is written to files in the work folder, so the sender does its whole
    /// job and no mail server is needed.
    /// </summary>
    private Dictionary<string, string> HostEnvironment(BenchDatabase db)
    {
        var environment = ProductionEnvironment(db);
        foreach (var (name, value) in options.HostEnvironment)
            environment[name] = value;
        return environment;
    }

    private Dictionary<string, string> ProductionEnvironment(BenchDatabase db) => new()
    {
        ["BOILERPLATE_ENV"] = "prod",
        ["SECRET_KEY"] = Secret,
        ["DATABASE_URL"] = db.Url,
        ["Logging__LogLevel__Default"] = "Warning",
        ["RateLimits__SignIn__PermitLimit"] = "1000000000",
        ["RateLimits__Registration__PermitLimit"] = "1000000000",
        ["RateLimits__Renewal__PermitLimit"] = "1000000000",
        // wrk speaks plain HTTP, as a host behind a TLS-terminating proxy would be spoken to.
        ["Https__Redirect"] = "false",
        ["Email__Delivery"] = "Pickup",
        ["Email__PickupFolder"] = Path.Combine(paths.Work, "mail"),
        ["App__PublicUrl"] = PublicUrl,
    };

    private async Task<LoadResult> LoadAsync(Scenario scenario, string url, string script, int connections, IReadOnlyDictionary<string, string>? env = null, TimeSpan? duration = null)
    {
        var result = await wrk.RunAsync(url, script, connections, duration ?? options.Duration, env);
        Check(scenario.Name, result, allowBusy: false);
        return result;
    }

    /// <summary>The login flood starts first and ends last, so the GET runs wholly inside it.</summary>
    private async Task<LoadResult> DuringFloodAsync(Scenario scenario, HostProcess host, Dictionary<string, string> memberEnv, Dictionary<string, string> loginEnv)
    {
        var lead = TimeSpan.FromSeconds(1);
        var flood = wrk.RunAsync(host.BaseUrl + "/auth/login", "login.lua", FloodConnections, options.Duration + lead * 2, loginEnv);
        await Task.Delay(lead);
        var result = await wrk.RunAsync(host.BaseUrl + "/user/me", "get.lua", GetConnections, options.Duration, memberEnv);
        var logins = await flood;
        Check(scenario.Name, result, allowBusy: false);
        // The flood is meant to overrun bcrypt: its 503s are the host protecting everything else.
        // The smoke's few seconds may pass before a low-priority hash finishes under a GET load.
        if (logins.Requests == logins.Non2xx && !options.Quick)
            problems.Add($"{scenario.Name}: not one login of the flood succeeded");
        return result;
    }

    private void Check(string name, LoadResult result, bool allowBusy)
    {
        if (result.Requests == 0)
            problems.Add($"{name}: no request completed");
        else if (!allowBusy && result.Non2xx > 0)
            problems.Add($"{name}: {result.Non2xx} of {result.Requests} answers were not 2xx");
        if (result.SocketErrors > 0)
            problems.Add($"{name}: {result.SocketErrors} socket errors");
        Log($"  {name}: {result.RequestsPerSecond:0.#} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms");
    }

    private static LoadResult Bare(double perSecond) => new(perSecond, double.NaN, double.NaN, double.NaN, 1, 0, 0);

    private static Dictionary<string, string> Token(string token) => new() { ["BENCH_TOKEN"] = token };

    private static Dictionary<string, string> ManyUsers(string tokensFile, string path) => new() { ["BENCH_TOKENS"] = tokensFile, ["BENCH_PATH"] = path };

    /// <summary>
    /// The warm-up of a many-tokens scenario, until each token has been sent once: a token's first
    /// request checks its signature and reads its user, and 20,000 of those take longer than a fixed
    /// warm-up, which left the first round measuring sign-ins rather than the users' steady traffic.
    /// </summary>
    private async Task WarmEveryTokenAsync(string baseUrl, Dictionary<string, string> manyUsers, TimeSpan warmup)
    {
        var tokens = File.ReadLines(manyUsers["BENCH_TOKENS"]).LongCount();
        // Each wrk run starts again at the file's first token; those the runs before sent are fast
        // now, so each run reaches further, until one sends them all.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if ((await wrk.RunAsync(baseUrl, "many-users.lua", GetConnections, warmup, manyUsers)).Requests >= tokens)
                return;
        }
        problems.Add($"the warm-up on {baseUrl} never sent each of {tokens} tokens");
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
