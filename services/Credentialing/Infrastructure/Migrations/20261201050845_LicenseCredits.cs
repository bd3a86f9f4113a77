using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LicenseCredits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agency_credits",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    available = table.Column<int>(type: "integer", nullable: false),
                    reserved = table.Column<int>(type: "integer", nullable: false),
                    consumed = table.Column<int>(type: "integer", nullable: false),
                    purchased = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agency_credits", x => x.agency_id);
                    table.CheckConstraint("ck_agency_credits_not_negative", "available >= 0 AND reserved >= 0 AND consumed >= 0");
                });

            migrationBuilder.CreateTable(
                name: "credit_ledger",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    credits = table.Column<int>(type: "integer", nullable: false),
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_ledger", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "credit_reservations",
                columns: table => new
                {
                    access_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reserved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_reservations", x => new { x.access_request_id, x.person_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_agency_id_kind_recorded_at",
                table: "credit_ledger",
                columns: new[] { "agency_id", "kind", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_agency_id_sequence",
                table: "credit_ledger",
                columns: new[] { "agency_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ux_credit_ledger_one_consumption_per_account",
                table: "credit_ledger",
                column: "account_id",
                unique: true,
                filter: "kind = 3");

            migrationBuilder.CreateIndex(
                name: "ix_credit_reservations_agency_id",
                table: "credit_reservations",
                column: "agency_id");

            // The ledger is append-only: the database itself refuses to change or remove a line.
            migrationBuilder.Sql("""
                CREATE FUNCTION credit_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'credit_ledger is append-only';
                END $$;
                CREATE TRIGGER credit_ledger_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON credit_ledger
                    FOR EACH STATEMENT EXECUTE FUNCTION credit_ledger_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER credit_ledger_append_only ON credit_ledger; DROP FUNCTION credit_ledger_append_only();");
            migrationBuilder.DropTable(
                name: "agency_credits");

            migrationBuilder.DropTable(
                name: "credit_ledger");

            migrationBuilder.DropTable(
                name: "credit_reservations");
        }
    }
}
