using Boilerplate.ServiceInterface.Errors;
using Boilerplate.Tests.Support;
using Npgsql;

namespace Boilerplate.Tests.Data;

/// <summary>How errors raised by a real PostgreSQL server reach the client.</summary>
public class DatabaseErrorsTests
{
    [Test]
    public async Task Text_PostgreSQL_cannot_store_is_the_client_s_400_not_a_500()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT $1::text", connection) { Parameters = { new() { Value = "a\0b" } } };

        var error = Assert.CatchAsync(() => command.ExecuteScalarAsync());

        var answer = AppErrors.ToHttpError(error!);
        Assert.That((answer?.Status, answer?.ErrorCode), Is.EqualTo(((int?)400, "InvalidText")), error!.Message);
    }

    [Test]
    public async Task A_real_fault_stays_a_500()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM no_such_table", connection);

        var error = Assert.CatchAsync(() => command.ExecuteScalarAsync());

        Assert.That(AppErrors.ToHttpError(error!), Is.Null, error!.Message);
    }
}
