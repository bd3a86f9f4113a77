using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Assessment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ScenariosAndPrerequisites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "record",
                table: "attempts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scenario_code",
                table: "attempts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "variant",
                table: "attempts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int[]>(
                name: "project_types",
                table: "assignments",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            // Assignments opened before the trainee's project types were kept: the scenario they were given tells them.
            migrationBuilder.Sql("""
                UPDATE assignments SET project_types = ARRAY[CASE scenario_code
                    WHEN 'DROP_IN' THEN 1 WHEN 'ES_SINGLE_ADULT' THEN 2 WHEN 'PSH_FAMILY' THEN 4 WHEN 'RRH_SINGLE' THEN 5
                    WHEN 'STREET_OUTREACH' THEN 8 WHEN 'SSVF_VETERAN' THEN 10 ELSE 9 END];
                """);

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
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    courses = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_completed_trainings", x => new { x.person_id, x.access_request_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "completed_trainings");

            migrationBuilder.DropColumn(
                name: "record",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "scenario_code",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "variant",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "project_types",
                table: "assignments");
        }
    }
}
