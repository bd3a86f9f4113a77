using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Requests.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // The person tracker's three patterns (Infrastructure/PeopleSearch.cs), each matched anywhere in the text:
            // the expressions are the ones the query compares, so the planner can use them. The model cannot name an
            // index on an expression, so it lives here.
            migrationBuilder.Sql(
                """
                CREATE INDEX ix_requested_users_search_trgm ON requested_users USING gin (
                    (given_name || ' ' || family_name) gin_trgm_ops,
                    (family_name || ' ' || given_name) gin_trgm_ops,
                    email gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_requested_users_search_trgm;");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
