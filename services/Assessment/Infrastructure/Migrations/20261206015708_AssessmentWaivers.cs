using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Assessment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentWaivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "assessment_waived",
                table: "completed_trainings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "no_data_entry",
                table: "completed_trainings",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assessment_waived",
                table: "completed_trainings");

            migrationBuilder.DropColumn(
                name: "no_data_entry",
                table: "completed_trainings");
        }
    }
}
