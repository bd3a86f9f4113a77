using HmisPlatform.BuildingBlocks.Persistence;
﻿using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    validity_months = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.code);
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
                name: "learning_paths",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_types = table.Column<int[]>(type: "integer[]", nullable: false),
                    read_only = table.Column<bool>(type: "boolean", nullable: false),
                    agency_email_domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assessment_waived = table.Column<bool>(type: "boolean", nullable: false),
                    no_data_entry = table.Column<bool>(type: "boolean", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminder_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_expiry_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lms_enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_paths", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lms_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    duplicate_of = table.Column<Guid>(type: "uuid", nullable: true),
                    personal_email = table.Column<bool>(type: "boolean", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lms_accounts", x => x.id);
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
                name: "path_courses",
                columns: table => new
                {
                    course_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    learning_path_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    carried_over = table.Column<bool>(type: "boolean", nullable: false),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_path_courses", x => new { x.learning_path_id, x.course_code });
                    table.ForeignKey(
                        name: "fk_path_courses_learning_paths_learning_path_id",
                        column: x => x.learning_path_id,
                        principalTable: "learning_paths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "path_tailorings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    learning_path_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added = table.Column<List<string>>(type: "text[]", nullable: false),
                    omitted = table.Column<List<string>>(type: "text[]", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    tailored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tailored_by_client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tailored_by_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tailored_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_path_tailorings", x => x.id);
                    table.ForeignKey(
                        name: "fk_path_tailorings_learning_paths_learning_path_id",
                        column: x => x.learning_path_id,
                        principalTable: "learning_paths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    learning_path_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    applied = table.Column<bool>(type: "boolean", nullable: false),
                    reported_by_client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_by_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reported_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_progress_reports_learning_paths_learning_path_id",
                        column: x => x.learning_path_id,
                        principalTable: "learning_paths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lms_account_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    to_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lms_account_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_lms_account_changes_lms_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "lms_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "courses",
                columns: new[] { "code", "kind", "title", "validity_months" },
                values: new object[,]
                {
                    { "ATA_HMIS_ACCESS_PROCESS", 6, "HMIS Access Process", 12 },
                    { "DATA_MANAGEMENT", 2, "Data Management", 6 },
                    { "DROP_IN_DAY_SHELTER", 3, "Drop-in/Day Shelter Workflow", 3 },
                    { "EMPLOYMENT_INCOME", 3, "Employment and Income", 3 },
                    { "ES_TH_SH", 3, "Emergency Shelter (ES), Transitional Housing (TH) + Safe Haven (SH) Workflow Training", 3 },
                    { "HOUSING_RESOURCE_SPECIALIST", 4, "Housing Resource Specialist Training", 3 },
                    { "HOUSING_SYSTEM_NAVIGATION", 3, "Housing System Navigation", 3 },
                    { "HOUSING_SYSTEM_NAVIGATOR", 4, "Housing System Navigator Training", 3 },
                    { "HPCC_HMIS_REVIEW", 3, "HPCC HMIS Review", 3 },
                    { "INTRO_HMIS", 1, "Introduction to HMIS", 6 },
                    { "INTRO_HMIS_READ_ONLY", 1, "Introduction to HMIS (Read Only)", 6 },
                    { "OUTREACH_PATH", 3, "Outreach and/or PATH-funded project Workflow Training", 3 },
                    { "PSH_RRH_FAMILIES", 3, "Families - Permanent Housing and Rapid Rehousing Workflow Training", 3 },
                    { "PSH_RRH_SINGLES", 3, "Singles - Permanent Housing and Rapid Rehousing Workflow Training", 3 },
                    { "SAMPLE_CLIENT_FINAL_INSTRUCTIONS", 5, "HMIS Sample Client - Final Instructions", 3 },
                    { "SERVICES_ONLY", 3, "Services Only", 3 },
                    { "SSVF", 3, "SSVF Workflow Training", 3 },
                    { "STATE_HOMELESS_PREVENTION", 3, "State Homeless Prevention Workflow", 3 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_next_expiry_at",
                table: "learning_paths",
                column: "next_expiry_at",
                filter: "closed_at IS NULL AND expired_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_open",
                table: "learning_paths",
                column: "enrolled_at",
                filter: "closed_at IS NULL AND expired_at IS NULL AND completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_person_id_access_request_id",
                table: "learning_paths",
                columns: new[] { "person_id", "access_request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_reminder_due_at",
                table: "learning_paths",
                column: "reminder_due_at",
                filter: "reminder_sent_at IS NULL AND completed_at IS NULL AND closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_lms_account_changes_account_id",
                table: "lms_account_changes",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_lms_accounts_email",
                table: "lms_accounts",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lms_accounts_username",
                table: "lms_accounts",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_lms_accounts_one_active_per_person",
                table: "lms_accounts",
                column: "person_id",
                unique: true,
                filter: "status = 1");

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
                name: "ix_path_tailorings_learning_path_id_id",
                table: "path_tailorings",
                columns: new[] { "learning_path_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_learning_path_id_id",
                table: "progress_reports",
                columns: new[] { "learning_path_id", "id" });

            // Audit tables keep every row as written.
            migrationBuilder.MakeAppendOnly("lms_account_changes");
            migrationBuilder.MakeAppendOnly("progress_reports");
            migrationBuilder.MakeAppendOnly("path_tailorings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "dead_letters");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "lms_account_changes");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "path_courses");

            migrationBuilder.DropTable(
                name: "path_tailorings");

            migrationBuilder.DropTable(
                name: "progress_reports");

            migrationBuilder.DropTable(
                name: "lms_accounts");

            migrationBuilder.DropTable(
                name: "learning_paths");
        }
    }
}
