using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// Passkeys: each user's WebAuthn credentials (the public key and the signature counter that
/// gives a copied authenticator away), and the short-lived ceremonies between a browser's
/// "begin" and "finish", as rows so the two may land on different hosts.
/// </summary>
[Migration(12, "add passkeys")]
public class M012_AddPasskeys : Migration
{
    public override void Up()
    {
        Create.Table("passkeys")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("public_id").AsString(36).NotNullable().Unique("ux_passkeys_public_id")
            .WithColumn("user_id").AsInt64().NotNullable().Indexed("ix_passkeys_user_id")
                .ForeignKey("fk_passkeys_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            // Base64url, as the browser names it: a credential id is at most 1023 bytes.
            .WithColumn("credential_id").AsString(1400).NotNullable().Unique("ux_passkeys_credential_id")
            .WithColumn("public_key").AsBinary(int.MaxValue).NotNullable()
            .WithColumn("user_handle").AsBinary(64).NotNullable()
            .WithColumn("sign_count").AsInt64().NotNullable()
            .WithColumn("transports").AsString(100).Nullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("last_used_on").AsDateTime().Nullable();

        Create.Table("passkey_ceremonies")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_passkey_ceremonies_token_hash")
            .WithColumn("kind").AsString(20).NotNullable()
            // Null for a sign-in: who signs in is known only once the passkey answers.
            .WithColumn("user_id").AsInt64().Nullable().Indexed("ix_passkey_ceremonies_user_id")
                .ForeignKey("fk_passkey_ceremonies_user", "user", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("options").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_on").AsDateTime().NotNullable()
            .WithColumn("expires_on").AsDateTime().NotNullable().Indexed("ix_passkey_ceremonies_expires_on")
            .WithColumn("used_on").AsDateTime().Nullable();
    }

    public override void Down()
    {
        Delete.Table("passkey_ceremonies");
        Delete.Table("passkeys");
    }
}
