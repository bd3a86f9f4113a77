using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InboxCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "inbox_copy",
                table: "notifications",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "inbox_copy",
                table: "notifications");
        }
    }
}
