using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

[Migration(5, "add sign-in lockout")]
public class M005_AddSignInLockout : Migration
{
    public override void Up()
    {
        Alter.Table("user")
            .AddColumn("failed_sign_ins").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("first_failed_sign_in_on").AsDateTime().Nullable()
            .AddColumn("locked_out_until").AsDateTime().Nullable();
    }

    public override void Down()
    {
        Delete.Column("failed_sign_ins").FromTable("user");
        Delete.Column("first_failed_sign_in_on").FromTable("user");
        Delete.Column("locked_out_until").FromTable("user");
    }
}
