using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Verified addresses, the single-use tokens mailed to users (stored as hashes), and the outbox
/// that mail waits in until a host sends it.
/// </summary>
[Migration(9, "add account mail")]
public class M009_AddAccountMail : Migration
{
    public override void Up()
    {
        Alter.Table("user").AddColumn("email_verified").AsBoolean().NotNullable().WithDefaultValue(false);

        Create.Table("email_tokens")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_email_tokens_token_hash")
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_email_tokens_user_id")
                .ForeignKey("fk_email_tokens_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("email").AsString(255).NotNullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("expires_on").AsDateTime().NotNullable()
            .WithColumn("used_on").AsDateTime().Nullable();

        Create.Table("mail_outbox")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("message_id").AsString(36).NotNullable().Unique("ux_mail_outbox_message_id")
            .WithColumn("kind").AsString(30).NotNullable()
            .WithColumn("recipient").AsString(255).NotNullable().Indexed("ix_mail_outbox_recipient")
            .WithColumn("user_id").AsInt64().Nullable()
                .ForeignKey("fk_mail_outbox_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("detail").AsString(255).Nullable()
            .WithColumn("link_base").AsString(500).Nullable()
            .WithColumn("token").AsString(200).Nullable()
            .WithColumn("state").AsString(10).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("next_attempt_on").AsDateTime().NotNullable().Indexed("ix_mail_outbox_next_attempt_on")
            .WithColumn("claim").AsString(32).Nullable()
            .WithColumn("claimed_until").AsDateTime().Nullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("accepted_on").AsDateTime().Nullable()
            .WithColumn("sent_on").AsDateTime().Nullable()
            .WithColumn("last_error").AsString(500).Nullable();
    }

    public override void Down()
    {
        Delete.Table("mail_outbox");
        Delete.Table("email_tokens");
        Delete.Column("email_verified").FromTable("user");
    }
}
