using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// A second factor: each user's TOTP secret (encrypted) and the last time step a code was
/// accepted for (so no code works twice), the recovery codes (hashed), and the short-lived
/// challenges a sign-in with the right password waits in for its code.
/// </summary>
[Migration(11, "add two-factor sign-in")]
public class M011_AddTwoFactor : Migration
{
    public override void Up()
    {
        Alter.Table("user")
            .AddColumn("mfa_enabled").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("totp_secret").AsString(200).Nullable()
            .AddColumn("totp_last_step").AsInt64().Nullable();

        Create.Table("recovery_codes")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_recovery_codes_user_id")
                .ForeignKey("fk_recovery_codes_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("code_hash").AsString(64).NotNullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("used_on").AsDateTime().Nullable();

        Create.Table("mfa_challenges")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_mfa_challenges_token_hash")
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_mfa_challenges_user_id")
                .ForeignKey("fk_mfa_challenges_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("expires_on").AsDateTime().NotNullable()
            .WithColumn("used_on").AsDateTime().Nullable();
    }

    public override void Down()
    {
        Delete.Table("mfa_challenges");
        Delete.Table("recovery_codes");
        Delete.Column("totp_last_step").Column("totp_secret").Column("mfa_enabled").FromTable("user");
    }
}
