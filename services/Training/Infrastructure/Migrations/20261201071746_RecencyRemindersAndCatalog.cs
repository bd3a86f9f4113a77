using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RecencyRemindersAndCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "carried_over",
                table: "path_courses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expired_at",
                table: "path_courses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reported_at",
                table: "path_courses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "valid_until",
                table: "path_courses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "learning_paths",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expired_at",
                table: "learning_paths",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_expiry_at",
                table: "learning_paths",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "read_only",
                table: "learning_paths",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_due_at",
                table: "learning_paths",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_sent_at",
                table: "learning_paths",
                type: "timestamp with time zone",
                nullable: true);

            // Paths enrolled before recency was kept: completions count from their date for their course's validity,
            // and the reminder falls due 30 days after enrolment.
            migrationBuilder.Sql("""
                UPDATE path_courses pc SET valid_until = pc.completed_at + make_interval(months => c.validity_months), last_reported_at = pc.completed_at
                FROM courses c WHERE c.code = pc.course_code AND pc.completed_at IS NOT NULL;
                UPDATE learning_paths p SET reminder_due_at = p.enrolled_at + interval '30 days',
                    next_expiry_at = (SELECT min(valid_until) FROM path_courses pc WHERE pc.learning_path_id = p.id);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_next_expiry_at",
                table: "learning_paths",
                column: "next_expiry_at",
                filter: "closed_at IS NULL AND expired_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_reminder_due_at",
                table: "learning_paths",
                column: "reminder_due_at",
                filter: "reminder_sent_at IS NULL AND completed_at IS NULL AND closed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learning_paths_next_expiry_at",
                table: "learning_paths");

            migrationBuilder.DropIndex(
                name: "ix_learning_paths_reminder_due_at",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "carried_over",
                table: "path_courses");

            migrationBuilder.DropColumn(
                name: "expired_at",
                table: "path_courses");

            migrationBuilder.DropColumn(
                name: "last_reported_at",
                table: "path_courses");

            migrationBuilder.DropColumn(
                name: "valid_until",
                table: "path_courses");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "expired_at",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "next_expiry_at",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "read_only",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "reminder_due_at",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "reminder_sent_at",
                table: "learning_paths");
        }
    }
}
