using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

[Migration(4, "add account security")]
public class M004_AddAccountSecurity : Migration
{
    public override void Up()
    {
        Alter.Table("user")
            .AddColumn("security_stamp").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("locked").AsBoolean().NotNullable().WithDefaultValue(false);
    }

    public override void Down()
    {
        Delete.Column("security_stamp").FromTable("user");
        Delete.Column("locked").FromTable("user");
    }
}
