using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Requests.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AtaTrainingNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "training_notice_sent",
                table: "agency_administrators",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "training_notice_sent",
                table: "agency_administrators");
        }
    }
}
