using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Sign-in through external OpenID Connect providers: the identities linked to each account (an
/// issuer and its subject, one per provider and account), and the sign-ins a provider has vouched
/// for that wait for the browser that started them to finish (only a hash of their ticket kept).
/// An MFA challenge remembers whether its first step was such a sign-in rather than the password.
/// </summary>
[Migration(19, "add external identities")]
public class M019_AddExternalIdentities : Migration
{
    public override void Up()
    {
        Create.Table("external_identities")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("user_id").AsInt64().NotNullable()
                .ForeignKey("fk_external_identities_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("provider").AsString(40).NotNullable()
            .WithColumn("issuer").AsString(400).NotNullable()
            .WithColumn("subject").AsString(255).NotNullable()
            .WithColumn("email").AsString(254).Nullable()
            .WithColumn("linked_on").AsDateTime().NotNullable()
            .WithColumn("last_used_on").AsDateTime().Nullable();
        Create.Index("ux_external_identities_subject").OnTable("external_identities")
            .OnColumn("issuer").Ascending().OnColumn("subject").Ascending().WithOptions().Unique();
        Create.Index("ux_external_identities_user_provider").OnTable("external_identities")
            .OnColumn("user_id").Ascending().OnColumn("provider").Ascending().WithOptions().Unique();

        Create.Table("external_sign_ins")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ticket_hash").AsString(64).NotNullable().Unique("ux_external_sign_ins_ticket_hash")
            .WithColumn("provider").AsString(40).NotNullable()
            .WithColumn("issuer").AsString(400).NotNullable()
            .WithColumn("subject").AsString(255).NotNullable()
            .WithColumn("email").AsString(254).Nullable()
            .WithColumn("email_verified").AsBoolean().NotNullable()
            .WithColumn("name").AsString(200).Nullable()
            .WithColumn("link_user_id").AsString(36).Nullable()
            .WithColumn("continue_path").AsString(2000).NotNullable()
            .WithColumn("expires_on").AsDateTime().NotNullable();

        Alter.Table("mfa_challenges").AddColumn("after_external").AsBoolean().NotNullable().WithDefaultValue(false);
    }

    public override void Down()
    {
        Delete.Column("after_external").FromTable("mfa_challenges");
        Delete.Table("external_sign_ins");
        Delete.Table("external_identities");
    }
}
