using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Users' API keys, each kept as the SHA-256 of the key (never the key), its scopes separated by
/// spaces, its expiry and when it was last used. On PostgreSQL a key cancelled or changed, or
/// gone with its user, is announced as "apikey &lt;key_hash&gt; &lt;time&gt;", so every host forgets
/// the copy it holds within a second.
/// </summary>
[Migration(18, "add api keys")]
public class M018_AddApiKeys : Migration
{
    public override void Up()
    {
        Create.Table("api_keys")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("public_id").AsString(36).NotNullable().Unique("ux_api_keys_public_id")
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_api_keys_user_id")
                .ForeignKey("fk_api_keys_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("key_hash").AsString(64).NotNullable().Unique("ux_api_keys_key_hash")
            .WithColumn("visible_key").AsString(20).NotNullable()
            .WithColumn("scopes").AsString(1000).NotNullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("expires_on").AsDateTime().Nullable()
            .WithColumn("last_used_on").AsDateTime().Nullable();

        IfDatabase("PostgreSQL").Execute.Sql($$"""
            CREATE OR REPLACE FUNCTION notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{{M006_NotifyRevocations.Channel}}', 'apikey ' || OLD.key_hash || ' ' || extract(epoch FROM clock_timestamp()));
                RETURN NULL;
            END $$;
            CREATE TRIGGER api_keys_notify AFTER DELETE OR UPDATE OF user_id, key_hash, scopes, expires_on ON api_keys
                FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();
            """);
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP TRIGGER IF EXISTS api_keys_notify ON api_keys;
            DROP FUNCTION IF EXISTS notify_api_key_change();
            """);
        Delete.Table("api_keys");
    }
}
