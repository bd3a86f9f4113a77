using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Assessment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StaffReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "graded_outcome",
                table: "attempts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "override_reason",
                table: "attempts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "walkthrough_length",
                table: "attempts",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "walkthrough_staff_member",
                table: "attempts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "walkthrough_starts_at",
                table: "attempts",
                type: "timestamp with time zone",
                nullable: true);

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
                name: "ix_outcome_overrides_assignment_id",
                table: "outcome_overrides",
                column: "assignment_id");

            // Overrides are audited: the table is append-only.
            migrationBuilder.Sql("""
                CREATE FUNCTION outcome_overrides_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'outcome_overrides is append-only';
                END $$;
                CREATE TRIGGER outcome_overrides_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON outcome_overrides
                    FOR EACH STATEMENT EXECUTE FUNCTION outcome_overrides_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER outcome_overrides_append_only ON outcome_overrides; DROP FUNCTION outcome_overrides_append_only();");

            migrationBuilder.DropTable(
                name: "outcome_overrides");

            migrationBuilder.DropColumn(
                name: "graded_outcome",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "override_reason",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "walkthrough_length",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "walkthrough_staff_member",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "walkthrough_starts_at",
                table: "attempts");
        }
    }
}
