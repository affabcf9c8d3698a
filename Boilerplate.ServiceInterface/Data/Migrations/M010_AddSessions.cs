using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Sessions as rows of their own, for the device list: where and with what each began, when it
/// was last refreshed, and when it ended. Existing refresh-token families become sessions. On
/// PostgreSQL an ended session is announced on the revocations channel, so every host refuses
/// its access tokens at once.
/// </summary>
[Migration(10, "add sessions")]
public class M010_AddSessions : Migration
{
    public override void Up()
    {
        Create.Table("user_sessions")
            .WithColumn("id").AsString(32).PrimaryKey()
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_user_sessions_user_id")
                .ForeignKey("fk_user_sessions_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("last_used_on").AsDateTime().NotNullable()
            .WithColumn("expires_on").AsDateTime().NotNullable()
            .WithColumn("ip").AsString(64).Nullable()
            .WithColumn("user_agent").AsString(512).Nullable()
            .WithColumn("ended_on").AsDateTime().Nullable().Indexed("ix_user_sessions_ended_on");

        Execute.Sql("""
            INSERT INTO user_sessions (id, user_id, created_on, last_used_on, expires_on, ended_on)
            SELECT family_id, user_id, MIN(created_on), MAX(created_on), MAX(expires_on), MAX(revoked_on)
            FROM refresh_tokens GROUP BY family_id, user_id
            """);

        IfDatabase("PostgreSQL").Execute.Sql($$"""
            CREATE OR REPLACE FUNCTION notify_ended_session() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{{M006_NotifyRevocations.Channel}}', 'session ' || NEW.id || ' '
                    || floor(extract(epoch FROM NEW.ended_on))::bigint || ' ' || extract(epoch FROM clock_timestamp()));
                RETURN NULL;
            END $$;
            CREATE TRIGGER user_sessions_ended_notify AFTER UPDATE OF ended_on ON user_sessions
                FOR EACH ROW WHEN (OLD.ended_on IS NULL AND NEW.ended_on IS NOT NULL) EXECUTE FUNCTION notify_ended_session();
            """);
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP TRIGGER IF EXISTS user_sessions_ended_notify ON user_sessions;
            DROP FUNCTION IF EXISTS notify_ended_session();
            """);
        Delete.Table("user_sessions");
    }
}
