using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LmsSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "family_name",
                table: "lms_accounts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "given_name",
                table: "lms_accounts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lms_enrolled_at",
                table: "learning_paths",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_learning_paths_open",
                table: "learning_paths",
                column: "enrolled_at",
                filter: "closed_at IS NULL AND expired_at IS NULL AND completed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learning_paths_open",
                table: "learning_paths");

            migrationBuilder.DropColumn(
                name: "family_name",
                table: "lms_accounts");

            migrationBuilder.DropColumn(
                name: "given_name",
                table: "lms_accounts");

            migrationBuilder.DropColumn(
                name: "lms_enrolled_at",
                table: "learning_paths");
        }
    }
}
