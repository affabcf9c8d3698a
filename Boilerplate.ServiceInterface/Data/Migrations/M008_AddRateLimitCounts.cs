using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// On PostgreSQL the rate limits are counted in the database every host shares, one row per
/// client and operation, so two hosts together allow the configured number and not twice it.
/// SQLite has one host, which counts in memory.
/// </summary>
[Migration(8, "add rate limit counts")]
public class M008_AddRateLimitCounts : Migration
{
    public override void Up() =>
        IfDatabase("PostgreSQL").Create.Table("rate_limit_counts")
            .WithColumn("key").AsString(200).NotNullable().PrimaryKey("pk_rate_limit_counts")
            .WithColumn("window_start").AsDateTime().NotNullable().Indexed("ix_rate_limit_counts_window_start")
            .WithColumn("count").AsInt32().NotNullable();

    public override void Down() => IfDatabase("PostgreSQL").Delete.Table("rate_limit_counts");
}
