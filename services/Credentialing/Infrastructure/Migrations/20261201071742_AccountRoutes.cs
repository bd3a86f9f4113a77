using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccountRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "route",
                table: "accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Accounts made before routes were recorded: through the Help Desk where it granted them, else the assignment.
            migrationBuilder.Sql("""
                UPDATE accounts a SET route = CASE WHEN EXISTS (
                    SELECT 1 FROM help_desk_requests h
                    WHERE h.access_request_id = a.access_request_id AND h.person_id = a.person_id AND h.granted_at IS NOT NULL) THEN 3 ELSE 1 END
                WHERE route = 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "route",
                table: "accounts");
        }
    }
}
