using HmisPlatform.BuildingBlocks.Persistence;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Assessment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_types = table.Column<int[]>(type: "integer[]", nullable: false),
                    scenario_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    variant_seed = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    freed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    expired_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "completed_trainings",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_types = table.Column<int[]>(type: "integer[]", nullable: false),
                    read_only = table.Column<bool>(type: "boolean", nullable: false),
                    help_desk_only = table.Column<bool>(type: "boolean", nullable: false),
                    assessment_waived = table.Column<bool>(type: "boolean", nullable: false),
                    no_data_entry = table.Column<bool>(type: "boolean", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    courses = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_completed_trainings", x => new { x.person_id, x.access_request_id });
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    consumer = table.Column<string>(type: "text", nullable: false),
                    event_type = table.Column<string>(type: "text", nullable: false),
                    stream_message_id = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    error = table.Column<string>(type: "text", nullable: false),
                    deliveries = table.Column<int>(type: "integer", nullable: false),
                    dead_lettered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox", x => new { x.consumer, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "text", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    scenario_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    variant = table.Column<int>(type: "integer", nullable: false),
                    record = table.Column<string>(type: "jsonb", nullable: true),
                    graded_outcome = table.Column<int>(type: "integer", nullable: true),
                    override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    walkthrough_staff_member = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    walkthrough_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    walkthrough_length = table.Column<TimeSpan>(type: "interval", nullable: true),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by_client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_by_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    submitted_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_attempts_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "assignments",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "outcome_overrides",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_outcome = table.Column<int>(type: "integer", nullable: false),
                    to_outcome = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    overridden_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    overridden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_overrides", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_overrides_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_person_id_access_request_id",
                table: "assignments",
                columns: new[] { "person_id", "access_request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assignments_seated",
                table: "assignments",
                column: "expires_at",
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_assignments_waitlist",
                table: "assignments",
                columns: new[] { "joined_at", "id" },
                filter: "status = 3");

            migrationBuilder.CreateIndex(
                name: "ix_attempts_assignment_id",
                table: "attempts",
                column: "assignment_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_overrides_assignment_id",
                table: "outcome_overrides",
                column: "assignment_id");

            // Audit tables keep every row as written.
            migrationBuilder.MakeAppendOnly("outcome_overrides");
            migrationBuilder.Sql("""
                CREATE FUNCTION attempts_submission_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.record IS DISTINCT FROM OLD.record
                        OR NEW.submitted_by_subject IS DISTINCT FROM OLD.submitted_by_subject OR NEW.submitted_by_role IS DISTINCT FROM OLD.submitted_by_role
                        OR NEW.submitted_by_client_id IS DISTINCT FROM OLD.submitted_by_client_id THEN
                        RAISE EXCEPTION 'an attempt as submitted is never changed';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER attempts_submission_fixed BEFORE UPDATE OR DELETE ON attempts FOR EACH ROW EXECUTE FUNCTION attempts_submission_fixed();
                CREATE TRIGGER attempts_never_truncated BEFORE TRUNCATE ON attempts FOR EACH STATEMENT EXECUTE FUNCTION attempts_submission_fixed();
                """);        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attempts");

            migrationBuilder.DropTable(
                name: "completed_trainings");

            migrationBuilder.DropTable(
                name: "dead_letters");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "outcome_overrides");

            migrationBuilder.DropTable(
                name: "assignments");
        }
    }
}
