using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SealedEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An e-mail still waiting with a secret in clear keeps only its inbox copy: its link is dropped, not sealed
            // (the person asks for a new one), so nothing secret outlives this migration unencrypted.
            migrationBuilder.Sql("""
                UPDATE notifications SET
                    subject = COALESCE(inbox_copy->>'Subject', inbox_copy->>'subject', subject),
                    text = COALESCE(inbox_copy->>'Text', inbox_copy->>'text', text),
                    html = COALESCE(inbox_copy->>'Html', inbox_copy->>'html', html)
                WHERE inbox_copy IS NOT NULL
                """);
            migrationBuilder.DropColumn(
                name: "inbox_copy",
                table: "notifications");

            migrationBuilder.AddColumn<string>(
                name: "sealed_email",
                table: "notifications",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropColumn(
                name: "sealed_email",
                table: "notifications");

            migrationBuilder.AddColumn<string>(
                name: "inbox_copy",
                table: "notifications",
                type: "jsonb",
                nullable: true);
        }
    }
}
