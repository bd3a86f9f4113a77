using HmisPlatform.BuildingBlocks.Persistence;
﻿using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Requests.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email_domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    in_hmis = table.Column<bool>(type: "boolean", nullable: false),
                    apa_signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    apa_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    projects = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agencies", x => x.id);
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
                name: "journey_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_entries", x => x.id);
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
                name: "agency_administrators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    appointed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    training_kind = table.Column<int>(type: "integer", nullable: false),
                    training_completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    training_notice_sent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agency_administrators", x => x.id);
                    table.ForeignKey(
                        name: "fk_agency_administrators_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ata_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    responsibilities = table.Column<int[]>(type: "integer[]", nullable: false),
                    project_types = table.Column<int[]>(type: "integer[]", nullable: false),
                    transfer_path = table.Column<int>(type: "integer", nullable: false),
                    project_types_to_train = table.Column<int[]>(type: "integer[]", nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    warnings = table.Column<List<string>>(type: "text[]", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    waiting_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    waited_before = table.Column<TimeSpan>(type: "interval", nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    required_form = table.Column<int>(type: "integer", nullable: false),
                    replaces_access_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    credits_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ce_approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assessment_waived = table.Column<bool>(type: "boolean", nullable: false),
                    information_provided = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_requests_access_requests_replaces_access_request_id",
                        column: x => x.replaces_access_request_id,
                        principalTable: "access_requests",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_access_requests_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_access_requests_agency_administrators_ata_id",
                        column: x => x.ata_id,
                        principalTable: "agency_administrators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "new_hire_validations",
                columns: table => new
                {
                    administrator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    validated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_new_hire_validations", x => new { x.access_request_id, x.administrator_id });
                    table.ForeignKey(
                        name: "fk_new_hire_validations_access_requests_access_request_id",
                        column: x => x.access_request_id,
                        principalTable: "access_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requested_users",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    lms_username = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_open = table.Column<bool>(type: "boolean", nullable: false),
                    lapsed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requested_users", x => new { x.access_request_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_requested_users_access_requests_access_request_id",
                        column: x => x.access_request_id,
                        principalTable: "access_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_request_audit_access_request_id_id",
                table: "access_request_audit",
                columns: new[] { "access_request_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_agency_id_status_submitted_at_id",
                table: "access_requests",
                columns: new[] { "agency_id", "status", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_agency_id_submitted_at_id",
                table: "access_requests",
                columns: new[] { "agency_id", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_ata_id",
                table: "access_requests",
                column: "ata_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_replaces_access_request_id",
                table: "access_requests",
                column: "replaces_access_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_status_submitted_at_id",
                table: "access_requests",
                columns: new[] { "status", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_status_type_submitted_at_id",
                table: "access_requests",
                columns: new[] { "status", "type", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_submitted_at_id",
                table: "access_requests",
                columns: new[] { "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_agency_administrators_agency_id",
                table: "agency_administrators",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_agency_administrators_role_training_completed_on",
                table: "agency_administrators",
                columns: new[] { "role", "training_completed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_entries_person_id_occurred_at",
                table: "journey_entries",
                columns: new[] { "person_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_entries_source_event_id",
                table: "journey_entries",
                column: "source_event_id",
                unique: true);

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
                name: "ix_requested_users_email",
                table: "requested_users",
                column: "email");

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

            // Audit tables keep every row as written.
            migrationBuilder.MakeAppendOnly("access_request_audit");
            migrationBuilder.MakeAppendOnly("new_hire_validations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_request_audit");

            migrationBuilder.DropTable(
                name: "dead_letters");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "journey_entries");

            migrationBuilder.DropTable(
                name: "journeys");

            migrationBuilder.DropTable(
                name: "new_hire_validations");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "requested_users");

            migrationBuilder.DropTable(
                name: "access_requests");

            migrationBuilder.DropTable(
                name: "agency_administrators");

            migrationBuilder.DropTable(
                name: "agencies");
        }
    }
}
