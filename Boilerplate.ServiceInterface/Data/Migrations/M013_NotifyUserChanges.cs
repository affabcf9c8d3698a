using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// On PostgreSQL, a change to what a request is judged by (the user's existence, lock, admin flag,
/// security stamp) or what a User shows is announced on the revocations channel as "user
/// &lt;public_id&gt; &lt;time&gt;" as it commits, so every host forgets the copy it holds. It replaces
/// migration 6's notices of a moved stamp and of a deletion, which it covers. Hosts built before
/// this migration do not read the new notice: stop them before running <c>db upgrade</c>.
/// </summary>
[Migration(13, "notify user changes")]
public class M013_NotifyUserChanges : Migration
{
    public override void Up()
    {
        IfDatabase("PostgreSQL").Execute.Sql($$"""
            DROP TRIGGER IF EXISTS user_stamp_notify ON "user";
            DROP TRIGGER IF EXISTS user_deleted_notify ON "user";
            CREATE OR REPLACE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{{M006_NotifyRevocations.Channel}}', 'user ' || OLD.public_id || ' ' || extract(epoch FROM clock_timestamp()));
                RETURN NULL;
            END $$;
            CREATE TRIGGER user_changed_notify
                AFTER UPDATE OF public_id, email, username, admin, locked, email_verified, mfa_enabled, security_stamp ON "user"
                FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.username IS DISTINCT FROM NEW.username
                    OR OLD.admin IS DISTINCT FROM NEW.admin OR OLD.locked IS DISTINCT FROM NEW.locked
                    OR OLD.email_verified IS DISTINCT FROM NEW.email_verified OR OLD.mfa_enabled IS DISTINCT FROM NEW.mfa_enabled
                    OR OLD.security_stamp IS DISTINCT FROM NEW.security_stamp)
                EXECUTE FUNCTION notify_user_change();
            CREATE TRIGGER user_deleted_notify AFTER DELETE ON "user"
                FOR EACH ROW EXECUTE FUNCTION notify_user_change();
            """);
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP TRIGGER IF EXISTS user_deleted_notify ON "user";
            DROP TRIGGER IF EXISTS user_changed_notify ON "user";
            DROP FUNCTION IF EXISTS notify_user_change();
            CREATE TRIGGER user_stamp_notify AFTER UPDATE OF security_stamp ON "user"
                FOR EACH ROW WHEN (NEW.security_stamp <> OLD.security_stamp) EXECUTE FUNCTION notify_security_stamp();
            CREATE TRIGGER user_deleted_notify AFTER DELETE ON "user"
                FOR EACH ROW EXECUTE FUNCTION notify_security_stamp();
            """);
    }
}
