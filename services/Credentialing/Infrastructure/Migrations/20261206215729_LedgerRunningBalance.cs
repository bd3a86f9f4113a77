using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Credentialing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LedgerRunningBalance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "available_after",
                table: "credit_ledger",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The lines written before: each agency's running sum of what every line did to its free credits. A
            // consumption took a free credit only when the person held no reservation on the request at the time.
            // The ledger refuses changes (its trigger): the one-off fill runs with the trigger set aside, in this
            // migration's transaction, and the trigger is back before it commits.
            migrationBuilder.Sql("""
                ALTER TABLE credit_ledger DISABLE TRIGGER credit_ledger_append_only;
                UPDATE credit_ledger l SET available_after = s.balance
                FROM (
                    SELECT c.sequence, SUM(CASE c.kind
                        WHEN 1 THEN c.credits
                        WHEN 2 THEN -c.credits
                        WHEN 4 THEN c.credits
                        WHEN 3 THEN CASE WHEN (
                            SELECT count(*) FILTER (WHERE r.kind = 2) - count(*) FILTER (WHERE r.kind IN (3, 4))
                            FROM credit_ledger r
                            WHERE r.agency_id = c.agency_id AND r.access_request_id = c.access_request_id
                              AND r.person_id = c.person_id AND r.sequence < c.sequence) > 0 THEN 0 ELSE -c.credits END
                        ELSE 0 END) OVER (PARTITION BY c.agency_id ORDER BY c.sequence) AS balance
                    FROM credit_ledger c) s
                WHERE l.sequence = s.sequence;
                ALTER TABLE credit_ledger ENABLE TRIGGER credit_ledger_append_only;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "available_after",
                table: "credit_ledger");
        }
    }
}
