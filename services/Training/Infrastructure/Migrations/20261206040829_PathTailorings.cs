using System;
using System.Collections.Generic;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PathTailorings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_path_tailorings_learning_path_id_id",
                table: "path_tailorings",
                columns: new[] { "learning_path_id", "id" });

            migrationBuilder.MakeAppendOnly("path_tailorings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAppendOnly("path_tailorings");
            migrationBuilder.DropTable(
                name: "path_tailorings");
        }
    }
}
