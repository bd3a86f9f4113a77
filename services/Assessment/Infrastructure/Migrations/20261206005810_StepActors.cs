using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HmisPlatform.Assessment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StepActors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "submitted_by_client_id",
                table: "attempts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "submitted_by_role",
                table: "attempts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "submitted_by_subject",
                table: "attempts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // An attempt as submitted (who, when, what) is never changed or deleted; staff add overrides and walk-throughs.
            migrationBuilder.Sql("""
                CREATE FUNCTION attempts_submission_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.record IS DISTINCT FROM OLD.record
                        OR NEW.submitted_by_subject IS DISTINCT FROM OLD.submitted_by_subject OR NEW.submitted_by_role IS DISTINCT FROM OLD.submitted_by_role
                        OR NEW.submitted_by_client_id IS DISTINCT FROM OLD.submitted_by_client_id THEN
                        RAISE EXCEPTION 'an attempt as submitted is never changed';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER attempts_submission_fixed BEFORE UPDATE OR DELETE ON attempts FOR EACH ROW EXECUTE FUNCTION attempts_submission_fixed();
                CREATE TRIGGER attempts_never_truncated BEFORE TRUNCATE ON attempts FOR EACH STATEMENT EXECUTE FUNCTION attempts_submission_fixed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER attempts_never_truncated ON attempts; DROP TRIGGER attempts_submission_fixed ON attempts;
                DROP FUNCTION attempts_submission_fixed();
                """);

            migrationBuilder.DropColumn(
                name: "submitted_by_client_id",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "submitted_by_role",
                table: "attempts");

            migrationBuilder.DropColumn(
                name: "submitted_by_subject",
                table: "attempts");
        }
    }
}
