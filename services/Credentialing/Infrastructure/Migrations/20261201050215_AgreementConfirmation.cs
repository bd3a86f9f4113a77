using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AgreementConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_accounts_one_live_per_person_agency",
                table: "accounts");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "agreement_confirmed_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agreement_confirmed_by",
                table: "accounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_one_live_per_person_agency",
                table: "accounts",
                columns: new[] { "person_id", "agency_id" },
                unique: true,
                filter: "status IN (1, 3, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_accounts_one_live_per_person_agency",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "agreement_confirmed_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "agreement_confirmed_by",
                table: "accounts");

            migrationBuilder.CreateIndex(
                name: "ux_accounts_one_live_per_person_agency",
                table: "accounts",
                columns: new[] { "person_id", "agency_id" },
                unique: true,
                filter: "status IN (1, 2)");
        }
    }
}
