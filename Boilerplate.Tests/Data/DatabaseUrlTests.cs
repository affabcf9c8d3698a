using Boilerplate.ServiceInterface.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Boilerplate.Tests.Data;

/// <summary>DATABASE_URL in each form the seed and Npgsql users write it.</summary>
public class DatabaseUrlTests
{
    private const string Root = "/srv/app";

    [TestCase("sqlite:///data/app.db", "/srv/app/data/app.db")]
    [TestCase("sqlite:////var/lib/app.db", "/var/lib/app.db")]
    [TestCase("sqlite:app.db", "/srv/app/app.db")]
    [TestCase("Data Source=/tmp/app.db", "/tmp/app.db")]
    public void SQLite_urls_name_a_file_under_the_content_root(string url, string file)
    {
        var target = DatabaseUrl.Parse(url, Root);

        Assert.That(target.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
        Assert.That(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource, Is.EqualTo(file));
    }

    [Test]
    public void The_seeds_postgres_url_becomes_an_Npgsql_connection_string()
    {
        var target = DatabaseUrl.Parse("postgres://app:s3cr%40t@db.internal:6543/users?sslmode=require", Root);
        var settings = new NpgsqlConnectionStringBuilder(target.ConnectionString);

        Assert.That(target.Provider, Is.EqualTo(DatabaseProvider.PostgreSql));
        Assert.That((settings.Host, settings.Port, settings.Database), Is.EqualTo(("db.internal", 6543, "users")));
        Assert.That((settings.Username, settings.Password), Is.EqualTo(("app", "s3cr@t")));
        Assert.That(settings.SslMode, Is.EqualTo(SslMode.Require));
        Assert.That(settings.Timeout, Is.EqualTo(DatabaseUrl.DefaultConnectTimeoutSeconds), "a request should not wait Npgsql's 15 s for a dead server");
        Assert.That(settings.MaxPoolSize, Is.EqualTo(DatabaseUrl.DefaultMaxPoolSize), "several hosts must fit in the server's max_connections");
        Assert.That((settings.MaxAutoPrepare, settings.NoResetOnClose), Is.EqualTo((DatabaseUrl.DefaultMaxAutoPrepare, true)), "statements stay prepared across uses of a pooled connection");
    }

    [Test]
    public void An_Npgsql_connection_string_is_taken_as_it_is_and_keeps_its_own_limits()
    {
        var target = DatabaseUrl.Parse("Host=localhost;Database=users;Username=app;Timeout=9;Maximum Pool Size=7;Max Auto Prepare=0;No Reset On Close=false", Root);
        var settings = new NpgsqlConnectionStringBuilder(target.ConnectionString);

        Assert.That(target.Provider, Is.EqualTo(DatabaseProvider.PostgreSql));
        Assert.That((settings.Host, settings.Database, settings.Timeout, settings.MaxPoolSize), Is.EqualTo(("localhost", "users", 9, 7)));
        Assert.That((settings.MaxAutoPrepare, settings.NoResetOnClose), Is.EqualTo((0, false)));
    }

    [TestCase("", "no database is configured")]
    [TestCase("postgresql://app@db.internal", "names no database")]
    [TestCase("postgres://db.internal/users?colour=blue", "a setting Npgsql does not know: 'colour'")]
    [TestCase("sqlite:", "names no file")]
    [TestCase("Server=;Database=users", "names no host")]
    public void A_url_that_cannot_be_used_is_refused_saying_why(string url, string reason)
    {
        Assert.That(() => DatabaseUrl.Parse(url, Root), Throws.TypeOf<FormatException>().With.Message.Contains(reason));
    }
}
