using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// The audit trail as rows: each written in the transaction of the change it records, read by
/// <c>GET /audit</c> newest first, by user, actor or event within a time range, and deleted after
/// <c>Audit:RetentionDays</c>.
/// </summary>
[Migration(17, "add the audit trail")]
public class M017_AddAuditTrail : Migration
{
    public override void Up()
    {
        Create.Table("audit_events")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("at").AsDateTime().NotNullable()
            .WithColumn("event").AsString(40).NotNullable()
            .WithColumn("user_id").AsString(36).Nullable()
            .WithColumn("actor_id").AsString(36).Nullable()
            .WithColumn("client").AsString(64).NotNullable()
            .WithColumn("details").AsString(1000).Nullable();
        Create.Index("ix_audit_events_at").OnTable("audit_events").OnColumn("at");
        Create.Index("ix_audit_events_user").OnTable("audit_events").OnColumn("user_id").Ascending().OnColumn("at").Ascending();
        Create.Index("ix_audit_events_actor").OnTable("audit_events").OnColumn("actor_id").Ascending().OnColumn("at").Ascending();
        Create.Index("ix_audit_events_event").OnTable("audit_events").OnColumn("event").Ascending().OnColumn("at").Ascending();
    }

    public override void Down() => Delete.Table("audit_events");
}
