using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Requests.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentWaivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "assessment_waived",
                table: "access_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assessment_waived",
                table: "access_requests");
        }
    }
}
