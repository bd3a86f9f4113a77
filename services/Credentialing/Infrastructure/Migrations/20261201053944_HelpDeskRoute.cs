using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class HelpDeskRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "help_desk_requests",
                columns: table => new
                {
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notified_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    granted_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_help_desk_requests", x => new { x.access_request_id, x.person_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "help_desk_requests");
        }
    }
}
