using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class GoLiveImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "opening_balance",
                table: "agency_credits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "responsibilities",
                table: "accounts",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "opening_balance",
                table: "agency_credits");

            migrationBuilder.DropColumn(
                name: "responsibilities",
                table: "accounts");
        }
    }
}
