using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// The key pairs access tokens are signed with, shared by every host: the public half as a JWK,
/// the private half sealed under the app's secret. On PostgreSQL every new, changed or deleted
/// key is announced on the revocations channel as "signing-key &lt;kid&gt; &lt;revoked 0|1&gt; &lt;time&gt;",
/// so a rotation is used, and a revoked key refused, by every host at once.
/// </summary>
[Migration(15, "add signing keys")]
public class M015_AddSigningKeys : Migration
{
    public override void Up()
    {
        Create.Table("signing_keys")
            .WithColumn("kid").AsString(64).PrimaryKey()
            .WithColumn("algorithm").AsString(16).NotNullable()
            .WithColumn("public_jwk").AsString(2048).NotNullable()
            .WithColumn("sealed_private_key").AsString(4096).NotNullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("activates_on").AsDateTime().NotNullable()
            .WithColumn("revoked_on").AsDateTime().Nullable();

        IfDatabase("PostgreSQL").Execute.Sql($$"""
            CREATE OR REPLACE FUNCTION notify_signing_key() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    PERFORM pg_notify('{{M006_NotifyRevocations.Channel}}', 'signing-key ' || OLD.kid || ' 1 ' || extract(epoch FROM clock_timestamp()));
                ELSE
                    PERFORM pg_notify('{{M006_NotifyRevocations.Channel}}', 'signing-key ' || NEW.kid || ' '
                        || CASE WHEN NEW.revoked_on IS NULL THEN '0' ELSE '1' END || ' ' || extract(epoch FROM clock_timestamp()));
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER signing_keys_notify AFTER INSERT OR UPDATE OR DELETE ON signing_keys
                FOR EACH ROW EXECUTE FUNCTION notify_signing_key();
            """);
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP TRIGGER IF EXISTS signing_keys_notify ON signing_keys;
            DROP FUNCTION IF EXISTS notify_signing_key();
            """);
        Delete.Table("signing_keys");
    }
}
