using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

[Migration(1, "initial database migration")]
public class M001_InitialDatabaseMigration : Migration
{
    public override void Up()
    {
        Create.Table("user")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("public_id").AsString(36).NotNullable().Unique("ux_user_public_id")
            .WithColumn("email").AsString(255).NotNullable().Unique("ux_user_email")
            .WithColumn("username").AsString(50).NotNullable()
            .WithColumn("password_hash").AsString(100).NotNullable()
            .WithColumn("admin").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("registered_on").AsDateTime().NotNullable();

        // Usernames are unique whatever their casing ("Alice" and "alice" are one name).
        Execute.Sql("CREATE UNIQUE INDEX ux_user_username ON \"user\" (lower(username))");
    }

    public override void Down() => Delete.Table("user");
}
