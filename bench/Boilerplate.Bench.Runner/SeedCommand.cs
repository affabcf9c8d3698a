using System.Diagnostics;
using System.Globalization;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// <c>bench/run seed --accounts N --database URL</c>: migrates the database the URL names (as
/// DATABASE_URL would) and loads N made-up accounts into it, all with the password
/// <c>bench-password-1</c>; account 0 is an admin. For trying the service on a large table by hand.
/// </summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args, BenchPaths paths)
    {
        int? count = null;
        string? url = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--accounts": count = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--database": url = Value(args, ref i); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}': use seed --accounts N --database URL");
            }
        }
        if (count is null || url is null)
            throw new ArgumentException("seed needs --accounts N and --database URL (sqlite:path or a PostgreSQL connection string)");

        var clock = Stopwatch.StartNew();
        using (var migrate = HostProcess.Start("seed-migrate", paths.HostDll, 5089,
                   new Dictionary<string, string> { ["DATABASE_URL"] = url, ["SECRET_KEY"] = "seed-only-no-host-serves-with-this-key-0123456789" }, paths.Work, "db", "upgrade"))
            await migrate.ExpectExitAsync(TimeSpan.FromMinutes(5));
        var accounts = AccountSeeder.Generate(count.Value);
        await AccountSeeder.LoadAsync(Boilerplate.ServiceInterface.Data.DatabaseUrl.Parse(url, Environment.CurrentDirectory), accounts,
            BCrypt.Net.BCrypt.HashPassword("bench-password-1", 12));
        Console.WriteLine($"{accounts.Count:N0} accounts loaded in {clock.Elapsed.TotalSeconds:0.0} s; the admin is {accounts[0].Email}");
        return 0;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
