using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AgreementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreement_versions",
                columns: table => new
                {
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_versions", x => x.version);
                });

            migrationBuilder.InsertData(
                table: "agreement_versions",
                columns: new[] { "version", "published_at", "published_by", "text" },
                values: new object[] { "2026-01", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "hmis-lead", "I will use the Chicago CoC HMIS only for the purposes of my work at my agency, keep my credentials to myself, protect the privacy of every client record, obtain and respect client consent, and report any security incident to my ATA and the HMIS Lead at once." });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_published_at",
                table: "agreement_versions",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_versions");
        }
    }
}
