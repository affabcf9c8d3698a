using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// On PostgreSQL, every revocation is announced on the <c>revocations</c> channel as it commits,
/// so each host can update the copy it checks tokens against (see <c>RevocationSync</c>).
/// Triggers catch every writer, the CLI and hand-run SQL included. SQLite has one host: nothing to tell.
/// </summary>
[Migration(6, "notify revocations")]
public class M006_NotifyRevocations : Migration
{
    public const string Channel = "revocations";

    /// <summary>The notices' bodies, as this migration writes them (migration 7 adds the time).</summary>
    internal static string Functions(string suffix) => $$"""
        CREATE OR REPLACE FUNCTION notify_revoked_token() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{{Channel}}', 'token ' || NEW.jti || ' ' || floor(extract(epoch FROM NEW.expires_on))::bigint{{suffix}});
            RETURN NULL;
        END $$;
        CREATE OR REPLACE FUNCTION notify_security_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('{{Channel}}', 'deleted ' || OLD.public_id{{suffix}});
            ELSE
                PERFORM pg_notify('{{Channel}}', 'stamp ' || NEW.public_id || ' ' || NEW.security_stamp{{suffix}});
            END IF;
            RETURN NULL;
        END $$;
        """;

    public override void Up()
    {
        IfDatabase("PostgreSQL").Execute.Sql(Functions(suffix: "") + """
            CREATE TRIGGER blacklist_tokens_notify AFTER INSERT ON blacklist_tokens
                FOR EACH ROW EXECUTE FUNCTION notify_revoked_token();
            CREATE TRIGGER user_stamp_notify AFTER UPDATE OF security_stamp ON "user"
                FOR EACH ROW WHEN (NEW.security_stamp <> OLD.security_stamp) EXECUTE FUNCTION notify_security_stamp();
            CREATE TRIGGER user_deleted_notify AFTER DELETE ON "user"
                FOR EACH ROW EXECUTE FUNCTION notify_security_stamp();
            """);
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP TRIGGER IF EXISTS user_deleted_notify ON "user";
            DROP TRIGGER IF EXISTS user_stamp_notify ON "user";
            DROP FUNCTION IF EXISTS notify_security_stamp();
            DROP TRIGGER IF EXISTS blacklist_tokens_notify ON blacklist_tokens;
            DROP FUNCTION IF EXISTS notify_revoked_token();
            """);
    }
}
