using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Assessment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Waitlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "expired_reason",
                table: "assignments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "failed_attempts",
                table: "assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "freed_at",
                table: "assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "joined_at",
                table: "assignments",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "seated_at",
                table: "assignments",
                type: "timestamp with time zone",
                nullable: true);

            // Assignments opened before the line existed: seated when opened, held 10 days from then; failed attempts counted.
            migrationBuilder.Sql("""
                UPDATE assignments SET joined_at = opened_at, seated_at = opened_at, expires_at = opened_at + interval '10 days';
                UPDATE assignments a SET failed_attempts = (SELECT count(*) FROM attempts t WHERE t.assignment_id = a.id AND t.outcome <> 1);
                """);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_assignments_seated",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "ix_assignments_waitlist",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "expired_reason",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "failed_attempts",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "freed_at",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "joined_at",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "seated_at",
                table: "assignments");
        }
    }
}
