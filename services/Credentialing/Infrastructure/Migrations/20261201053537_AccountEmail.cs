using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccountEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "accounts",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_email",
                table: "accounts",
                column: "email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_email",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "email",
                table: "accounts");
        }
    }
}
