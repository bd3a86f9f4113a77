using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Requests.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PersonLapses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lapsed_at",
                table: "requested_users",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lapsed_at",
                table: "requested_users");
        }
    }
}
