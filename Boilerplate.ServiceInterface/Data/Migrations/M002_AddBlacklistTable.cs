using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

[Migration(2, "add blacklist table")]
public class M002_AddBlacklistTable : Migration
{
    public override void Up()
    {
        Create.Table("blacklist_tokens")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("jti").AsString(36).NotNullable().Unique("ux_blacklist_tokens_jti")
            .WithColumn("expires_on").AsDateTime().NotNullable().Indexed("ix_blacklist_tokens_expires_on")
            .WithColumn("blacklisted_on").AsDateTime().NotNullable();
    }

    public override void Down() => Delete.Table("blacklist_tokens");
}
