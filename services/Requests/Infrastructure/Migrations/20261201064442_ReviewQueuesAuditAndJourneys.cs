using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Requests.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReviewQueuesAuditAndJourneys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_requested_users",
                table: "requested_users");

            migrationBuilder.DropIndex(
                name: "ix_requested_users_access_request_id",
                table: "requested_users");

            migrationBuilder.DropIndex(
                name: "ix_access_requests_agency_id",
                table: "access_requests");

            migrationBuilder.AddColumn<Guid>(
                name: "agency_id",
                table: "requested_users",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<bool>(
                name: "is_open",
                table: "requested_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "lms_username",
                table: "requested_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "appointed_on",
                table: "agency_administrators",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "role",
                table: "agency_administrators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "training_completed_on",
                table: "agency_administrators",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "training_kind",
                table: "agency_administrators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "projects",
                table: "agencies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ce_approved_at",
                table: "access_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "credits_confirmed_at",
                table: "access_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "information_provided",
                table: "access_requests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "project_types_to_train",
                table: "access_requests",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<Guid>(
                name: "replaces_access_request_id",
                table: "access_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "required_form",
                table: "access_requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "submitted_by",
                table: "access_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "transfer_path",
                table: "access_requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "waited_before",
                table: "access_requests",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "waiting_since",
                table: "access_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "warnings",
                table: "access_requests",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddPrimaryKey(
                name: "pk_requested_users",
                table: "requested_users",
                columns: new[] { "access_request_id", "person_id" });

            migrationBuilder.CreateTable(
                name: "access_request_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_status = table.Column<int>(type: "integer", nullable: false),
                    to_status = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_request_audit", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_request_audit_access_requests_access_request_id",
                        column: x => x.access_request_id,
                        principalTable: "access_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journeys",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_type = table.Column<int>(type: "integer", nullable: false),
                    current_stage = table.Column<int>(type: "integer", nullable: false),
                    stage_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    waiting_on = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journeys", x => x.person_id);
                });

            // Requests made before these columns: each user takes its request's agency and openness, each ATA is an ATA,
            // and open requests wait on the HMIS team from their submission.
            migrationBuilder.Sql("""
                UPDATE requested_users u SET agency_id = r.agency_id, is_open = r.status IN (1, 2)
                FROM access_requests r WHERE r.id = u.access_request_id;
                UPDATE agency_administrators SET role = 1, appointed_on = DATE '2025-11-01' WHERE role = 0;
                UPDATE access_requests SET waiting_since = submitted_at WHERE status = 1;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_requested_users_person_id",
                table: "requested_users",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ux_requested_users_open_email",
                table: "requested_users",
                columns: new[] { "agency_id", "email" },
                unique: true,
                filter: "is_open");

            migrationBuilder.CreateIndex(
                name: "ux_requested_users_open_person",
                table: "requested_users",
                columns: new[] { "agency_id", "person_id" },
                unique: true,
                filter: "is_open");

            migrationBuilder.CreateIndex(
                name: "ix_agency_administrators_role_training_completed_on",
                table: "agency_administrators",
                columns: new[] { "role", "training_completed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_agency_id_status_submitted_at_id",
                table: "access_requests",
                columns: new[] { "agency_id", "status", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_agency_id_submitted_at_id",
                table: "access_requests",
                columns: new[] { "agency_id", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_replaces_access_request_id",
                table: "access_requests",
                column: "replaces_access_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_status_type_submitted_at_id",
                table: "access_requests",
                columns: new[] { "status", "type", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_submitted_at_id",
                table: "access_requests",
                columns: new[] { "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_request_audit_access_request_id_id",
                table: "access_request_audit",
                columns: new[] { "access_request_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_journeys_agency_id_current_stage_stage_started_at_person_id",
                table: "journeys",
                columns: new[] { "agency_id", "current_stage", "stage_started_at", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journeys_agency_id_stage_started_at_person_id",
                table: "journeys",
                columns: new[] { "agency_id", "stage_started_at", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journeys_current_stage_stage_started_at_person_id",
                table: "journeys",
                columns: new[] { "current_stage", "stage_started_at", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journeys_stage_started_at_person_id",
                table: "journeys",
                columns: new[] { "stage_started_at", "person_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_access_requests_access_requests_replaces_access_request_id",
                table: "access_requests",
                column: "replaces_access_request_id",
                principalTable: "access_requests",
                principalColumn: "id");

            // The audit table is append-only: the database itself refuses to change or remove a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION access_request_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'access_request_audit is append-only';
                END $$;
                CREATE TRIGGER access_request_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_request_audit
                    FOR EACH STATEMENT EXECUTE FUNCTION access_request_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER access_request_audit_append_only ON access_request_audit; DROP FUNCTION access_request_audit_append_only();");

            migrationBuilder.DropForeignKey(
                name: "fk_access_requests_access_requests_replaces_access_request_id",
                table: "access_requests");

            migrationBuilder.DropTable(
                name: "access_request_audit");

            migrationBuilder.DropTable(
                name: "journeys");

            migrationBuilder.DropPrimaryKey(
                name: "pk_requested_users",
                table: "requested_users");

            migrationBuilder.DropIndex(
                name: "ix_requested_users_person_id",
                table: "requested_users");

            migrationBuilder.DropIndex(
                name: "ux_requested_users_open_email",
                table: "requested_users");

            migrationBuilder.DropIndex(
                name: "ux_requested_users_open_person",
                table: "requested_users");

            migrationBuilder.DropIndex(
                name: "ix_agency_administrators_role_training_completed_on",
                table: "agency_administrators");

            migrationBuilder.DropIndex(
                name: "ix_access_requests_agency_id_status_submitted_at_id",
                table: "access_requests");

            migrationBuilder.DropIndex(
                name: "ix_access_requests_agency_id_submitted_at_id",
                table: "access_requests");

            migrationBuilder.DropIndex(
                name: "ix_access_requests_replaces_access_request_id",
                table: "access_requests");

            migrationBuilder.DropIndex(
                name: "ix_access_requests_status_type_submitted_at_id",
                table: "access_requests");

            migrationBuilder.DropIndex(
                name: "ix_access_requests_submitted_at_id",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "agency_id",
                table: "requested_users");

            migrationBuilder.DropColumn(
                name: "is_open",
                table: "requested_users");

            migrationBuilder.DropColumn(
                name: "lms_username",
                table: "requested_users");

            migrationBuilder.DropColumn(
                name: "appointed_on",
                table: "agency_administrators");

            migrationBuilder.DropColumn(
                name: "role",
                table: "agency_administrators");

            migrationBuilder.DropColumn(
                name: "training_completed_on",
                table: "agency_administrators");

            migrationBuilder.DropColumn(
                name: "training_kind",
                table: "agency_administrators");

            migrationBuilder.DropColumn(
                name: "projects",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "ce_approved_at",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "credits_confirmed_at",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "information_provided",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "project_types_to_train",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "replaces_access_request_id",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "required_form",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "submitted_by",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "transfer_path",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "waited_before",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "waiting_since",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "warnings",
                table: "access_requests");

            migrationBuilder.AddPrimaryKey(
                name: "pk_requested_users",
                table: "requested_users",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_requested_users_access_request_id",
                table: "requested_users",
                column: "access_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_agency_id",
                table: "access_requests",
                column: "agency_id");
        }
    }
}
