using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Each revocation notice ends with the time the database wrote it, so a host can measure how
/// long the news took to arrive (the <c>boilerplate.revocation.propagation.delay</c> metric).
/// Hosts read the notice by its first fields and ignore what follows; hosts built before this
/// migration read no such field, so stop them before running <c>db upgrade</c>.
/// </summary>
[Migration(7, "time revocation notices")]
public class M007_TimeRevocationNotices : Migration
{
    private const string SentAt = " || ' ' || extract(epoch FROM clock_timestamp())";

    public override void Up() => IfDatabase("PostgreSQL").Execute.Sql(M006_NotifyRevocations.Functions(SentAt));

    public override void Down() => IfDatabase("PostgreSQL").Execute.Sql(M006_NotifyRevocations.Functions(suffix: ""));
}
