using Boilerplate.ServiceInterface.Data;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// The scenarios on a database of a million accounts (2,000 in the smoke): the admin list's first,
/// middle and last page and its search, each timed one request at a time (an admin's wait, not a
/// crowd's), and sign-in and GET /user/me, which must not slow down with the table's size; then
/// the host's memory while every account's token comes in turn.
/// </summary>
public sealed partial class BenchRun
{
    private const int AccountsHostPort = 5083, AccountsPostgresHostPort = 5084;
    private const double AdminP95Ms = 20;

    private sealed record AccountsDatabase(string Label, BenchDatabase Db, int Port, double MeRatio);

    private sealed class AccountScenarios(AccountsDatabase database)
    {
        public AccountsDatabase Database { get; } = database;
        public HostProcess? Host { get; set; }
        public required Scenario FirstPage, MiddlePage, LastPage, Person, Surname, Me;
    }

    private sealed record AccountsRun(List<AccountScenarios> Databases, string AdminToken, int Pages,
        string PersonsFile, string SurnamesFile, string MeTokensFile, string AllTokensFile, Dictionary<string, string> LoginEnv) : IDisposable
    {
        public void Dispose()
        {
            foreach (var scenarios in Databases)
                scenarios.Host?.Dispose();
        }
    }

    private static int AccountCount(RunOptions options) => options.Quick ? 2_000 : 1_000_000;

    /// <summary>Seeds the accounts on SQLite and, when given, PostgreSQL: the same rows, so one token works on both.</summary>
    private async Task<List<AccountsDatabase>> SeedAccountsAsync(List<SeededAccount> accounts, string passwordHash, BenchDatabase? postgres)
    {
        var databases = new List<AccountsDatabase> { new("SQLite", BenchDatabase.Fresh(Path.Combine(paths.Work, "accounts.db")), AccountsHostPort, 0.6) };
        if (postgres is not null)
            databases.Add(new("PostgreSQL", postgres, AccountsPostgresHostPort, 0.45));
        foreach (var database in databases)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await MigrateAsync(database.Db);
            await AccountSeeder.LoadAsync(database.Db.Target, accounts, passwordHash);
            await database.Db.SeedSigningKeyAsync(issuer.Key);
            Log($"  {accounts.Count:N0} accounts loaded on {database.Label} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        return databases;
    }

    private async Task<AccountsRun> PrepareAccountsAsync(Report report, List<AccountsDatabase> databases, List<SeededAccount> accounts, BenchIssuer issuer, string baselineName)
    {
        var random = new Random(5);
        var perPage = 100;
        var pages = (accounts.Count + perPage - 1) / perPage;
        string Write(string name, IEnumerable<string> lines)
        {
            var file = Path.Combine(paths.Work, name);
            File.WriteAllLines(file, lines);
            return file;
        }
        var sample = Enumerable.Range(0, 1000).Select(_ => accounts[random.Next(accounts.Count)]).ToList();
        var run = new AccountsRun([], issuer.Issue(accounts[0].ToRecord(), "bench-accounts-admin"), pages,
            Write("persons.txt", sample.Select(a => a.Person)),
            Write("surnames.txt", sample.Select(a => a.Surname)),
            Write("accounts-tokens.txt", Shuffled(accounts.Count, random).Take(20_000)
                .Select(i => $"{accounts[i].PublicId} {issuer.Issue(accounts[i].ToRecord(), Guid.NewGuid().ToString("N"))}")),
            // ES256 signs in tens of microseconds: a million tokens are made on every core.
            Write("all-tokens.txt", accounts.AsParallel().AsOrdered().Select(a => $"{a.PublicId} {issuer.Issue(a.ToRecord(), Guid.NewGuid().ToString("N"))}")),
            new Dictionary<string, string> { ["BENCH_EMAIL"] = accounts[1].Email, ["BENCH_PASSWORD"] = Password });

        var count = $"{accounts.Count:N0} accounts";
        var perSurname = accounts.CountBy(a => a.Surname).ToDictionary();
        var surnameMatches = sample.Average(a => perSurname[a.Surname]);
        var meUsers = Math.Min(20_000, accounts.Count);
        foreach (var database in databases)
        {
            var on = $"{count}, {database.Label}";
            run.Databases.Add(new AccountScenarios(database)
            {
                FirstPage = report.Add($"GET /user?per_page=100, the first page ({on})", maxP95Ms: AdminP95Ms),
                MiddlePage = report.Add($"GET /user?per_page=100, the middle page ({on})", maxP95Ms: AdminP95Ms),
                LastPage = report.Add($"GET /user?per_page=100, the last page ({on})", maxP95Ms: AdminP95Ms),
                Person = report.Add($"GET /user?search=, one person's address ({on})", maxP95Ms: AdminP95Ms),
                Surname = report.Add($"GET /user?search=, a surname, {surnameMatches:0} matches on average ({on})", maxP95Ms: AdminP95Ms),
                Me = report.Add($"GET /user/me, {meUsers:N0} of {count}' tokens in turn ({database.Label})", baselineName, database.MeRatio),
            });
        }
        return run;
    }

    private async Task StartAccountHostsAsync(AccountsRun run, TimeSpan warmup)
    {
        foreach (var scenarios in run.Databases)
        {
            scenarios.Host = StartHost($"host-accounts-{scenarios.Database.Label.ToLowerInvariant()}", scenarios.Database.Db, scenarios.Database.Port);
            await scenarios.Host.WaitForOkAsync("/user/me", run.AdminToken);
            await wrk.RunAsync(scenarios.Host.BaseUrl + "/user?per_page=100", "get.lua", 1, warmup, Token(run.AdminToken));
            await wrk.RunAsync(scenarios.Host.BaseUrl, "search.lua", 1, warmup, Search(run, run.SurnamesFile));
            await WarmEveryTokenAsync(scenarios.Host.BaseUrl, ManyUsers(run.MeTokensFile, "/user/me"), warmup);
        }
    }

    private async Task RunAccountsRoundAsync(AccountsRun run, TimeSpan warmup)
    {
        var admin = Token(run.AdminToken);
        foreach (var s in run.Databases)
        {
            var host = s.Host!;
            var list = host.BaseUrl + "/user?per_page=100&page=";
            s.FirstPage.Rounds.Add(await LoadAsync(s.FirstPage, list + 1, "get.lua", 1, admin));
            s.MiddlePage.Rounds.Add(await LoadAsync(s.MiddlePage, list + (run.Pages / 2), "get.lua", 1, admin));
            s.LastPage.Rounds.Add(await LoadAsync(s.LastPage, list + run.Pages, "get.lua", 1, admin));
            s.Person.Rounds.Add(await LoadAsync(s.Person, host.BaseUrl, "search.lua", 1, Search(run, run.PersonsFile)));
            s.Surname.Rounds.Add(await LoadAsync(s.Surname, host.BaseUrl, "search.lua", 1, Search(run, run.SurnamesFile)));
            // Each round ends with every account's token through the SQLite host (the RSS below), which
            // leaves its caches holding other users: the 20,000 are brought back in first, as at the start.
            var me = ManyUsers(run.MeTokensFile, "/user/me");
            await WarmEveryTokenAsync(host.BaseUrl, me, warmup);
            s.Me.Rounds.Add(await LoadAsync(s.Me, host.BaseUrl, "many-users.lua", GetConnections, me));
        }
    }

    /// <summary>Every account's own token in turn, so both caches stay full and keep evicting: the most a host holds.</summary>
    private async Task<double> RssWithEveryAccountAsync(AccountsRun run, Scenario scenario)
    {
        var host = run.Databases[0].Host!;
        await using var rss = new RssSampler(host);
        scenario.Rounds.Add(await LoadAsync(scenario, host.BaseUrl, "many-users.lua", GetConnections, ManyUsers(run.AllTokensFile, "/user/me")));
        return rss.MaxMb;
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static Dictionary<string, string> Search(AccountsRun run, string termsFile) => new() { ["BENCH_TOKEN"] = run.AdminToken, ["BENCH_TERMS"] = termsFile };
}
