using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class GoLiveImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imported_course_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    lms_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_course_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_imported_course_records_lms_accounts_lms_account_id",
                        column: x => x.lms_account_id,
                        principalTable: "lms_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_course_records_lms_account_id_course_code",
                table: "imported_course_records",
                columns: new[] { "lms_account_id", "course_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_imported_course_records_person_id",
                table: "imported_course_records",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imported_course_records");
        }
    }
}
