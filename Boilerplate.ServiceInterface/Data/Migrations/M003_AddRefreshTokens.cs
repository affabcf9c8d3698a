using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

[Migration(3, "add refresh tokens")]
public class M003_AddRefreshTokens : Migration
{
    public override void Up()
    {
        Create.Table("refresh_tokens")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_refresh_tokens_token_hash")
            .WithColumn("family_id").AsString(32).NotNullable().Indexed("ix_refresh_tokens_family_id")
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_refresh_tokens_user_id")
                .ForeignKey("fk_refresh_tokens_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("expires_on").AsDateTime().NotNullable().Indexed("ix_refresh_tokens_expires_on")
            .WithColumn("used_on").AsDateTime().Nullable()
            .WithColumn("revoked_on").AsDateTime().Nullable();
    }

    public override void Down() => Delete.Table("refresh_tokens");
}
