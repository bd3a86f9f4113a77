using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccountRemoval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "inactivity_warned_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "removal_note",
                table: "accounts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "removal_reason",
                table: "accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "removed_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_status_last_activity_at",
                table: "accounts",
                columns: new[] { "status", "last_activity_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_status_last_activity_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "inactivity_warned_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "removal_note",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "removal_reason",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "removed_at",
                table: "accounts");
        }
    }
}
