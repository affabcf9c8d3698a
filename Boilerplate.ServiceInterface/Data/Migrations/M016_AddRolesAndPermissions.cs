using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Roles and the permissions they map to, and each user's roles and own permissions (names
/// separated by spaces, on the user's row as ServiceStack keeps them, so the one read of a user
/// that judges a request reads them too). On PostgreSQL a change of a user's grants is announced
/// like every other change of what a request is judged by ("user &lt;public_id&gt;"), and a change
/// of a role as "roles &lt;name&gt; &lt;time&gt;", so every host holds the new mapping within a second.
/// </summary>
[Migration(16, "add roles and permissions")]
public class M016_AddRolesAndPermissions : Migration
{
    public override void Up()
    {
        Alter.Table("user")
            .AddColumn("roles").AsString(1000).NotNullable().WithDefaultValue("")
            .AddColumn("permissions").AsString(1000).NotNullable().WithDefaultValue("");

        Create.Table("roles")
            .WithColumn("name").AsString(50).PrimaryKey()
            .WithColumn("permissions").AsString(1000).NotNullable()
            .WithColumn("updated_on").AsDateTime().NotNullable();

        IfDatabase("PostgreSQL").Execute.Sql($$"""
            DROP TRIGGER IF EXISTS user_changed_notify ON "user";
            CREATE TRIGGER user_changed_notify
                AFTER UPDATE OF public_id, email, username, admin, locked, email_verified, mfa_enabled, security_stamp, roles, permissions ON "user"
                FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.username IS DISTINCT FROM NEW.username
                    OR OLD.admin IS DISTINCT FROM NEW.admin OR OLD.locked IS DISTINCT FROM NEW.locked
                    OR OLD.email_verified IS DISTINCT FROM NEW.email_verified OR OLD.mfa_enabled IS DISTINCT FROM NEW.mfa_enabled
                    OR OLD.security_stamp IS DISTINCT FROM NEW.security_stamp
                    OR OLD.roles IS DISTINCT FROM NEW.roles OR OLD.permissions IS DISTINCT FROM NEW.permissions)
                EXECUTE FUNCTION notify_user_change();
            CREATE OR REPLACE FUNCTION notify_role_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{{M006_NotifyRevocations.Channel}}', 'roles '
                    || CASE WHEN TG_OP = 'DELETE' THEN OLD.name ELSE NEW.name END || ' ' || extract(epoch FROM clock_timestamp()));
                RETURN NULL;
            END $$;
            CREATE TRIGGER roles_notify AFTER INSERT OR UPDATE OR DELETE ON roles
                FOR EACH ROW EXECUTE FUNCTION notify_role_change();
            """);
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP TRIGGER IF EXISTS roles_notify ON roles;
            DROP FUNCTION IF EXISTS notify_role_change();
            DROP TRIGGER IF EXISTS user_changed_notify ON "user";
            CREATE TRIGGER user_changed_notify
                AFTER UPDATE OF public_id, email, username, admin, locked, email_verified, mfa_enabled, security_stamp ON "user"
                FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.username IS DISTINCT FROM NEW.username
                    OR OLD.admin IS DISTINCT FROM NEW.admin OR OLD.locked IS DISTINCT FROM NEW.locked
                    OR OLD.email_verified IS DISTINCT FROM NEW.email_verified OR OLD.mfa_enabled IS DISTINCT FROM NEW.mfa_enabled
                    OR OLD.security_stamp IS DISTINCT FROM NEW.security_stamp)
                EXECUTE FUNCTION notify_user_change();
            """);
        Delete.Table("roles");
        Delete.Column("permissions").FromTable("user");
        Delete.Column("roles").FromTable("user");
    }
}
