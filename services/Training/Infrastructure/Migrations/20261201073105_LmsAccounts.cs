using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LmsAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "agency_email_domains",
                table: "learning_paths",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "lms_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    duplicate_of = table.Column<Guid>(type: "uuid", nullable: true),
                    personal_email = table.Column<bool>(type: "boolean", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lms_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lms_account_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    to_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lms_account_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_lms_account_changes_lms_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "lms_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lms_account_changes_account_id",
                table: "lms_account_changes",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_lms_accounts_email",
                table: "lms_accounts",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lms_accounts_username",
                table: "lms_accounts",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_lms_accounts_one_active_per_person",
                table: "lms_accounts",
                column: "person_id",
                unique: true,
                filter: "status = 1");

            // The change log of LMS account emails is append-only.
            migrationBuilder.Sql("""
                CREATE FUNCTION lms_account_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'lms_account_changes is append-only';
                END $$;
                CREATE TRIGGER lms_account_changes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON lms_account_changes
                    FOR EACH STATEMENT EXECUTE FUNCTION lms_account_changes_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER lms_account_changes_append_only ON lms_account_changes; DROP FUNCTION lms_account_changes_append_only();");

            migrationBuilder.DropTable(
                name: "lms_account_changes");

            migrationBuilder.DropTable(
                name: "lms_accounts");

            migrationBuilder.DropColumn(
                name: "agency_email_domains",
                table: "learning_paths");
        }
    }
}
