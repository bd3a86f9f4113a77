using System;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StepActors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_learning_path_id_id",
                table: "progress_reports",
                columns: new[] { "learning_path_id", "id" });

            migrationBuilder.MakeAppendOnly("progress_reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAppendOnly("progress_reports");

            migrationBuilder.DropTable(
                name: "progress_reports");
        }
    }
}
