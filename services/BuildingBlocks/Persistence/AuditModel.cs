using HmisPlatform.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HmisPlatform.BuildingBlocks.Persistence;

/// <summary>How every service keeps who did what: the actor's columns, and tables the database itself keeps append-only.</summary>
public static class AuditModel
{
    /// <summary>
    /// Marks an entity's table as an audit table: the service's own database role may only read it and add to it
    /// (<see cref="DatabaseRoles"/>). Set on the entity type builder with <c>HasAnnotation(AppendOnlyAnnotation, true)</c>.
    /// </summary>
    public const string AppendOnlyAnnotation = "Hmis:AppendOnly";

    /// <summary>Maps an <see cref="Actor"/> to its three columns (<c>actor_subject</c>, <c>actor_role</c>, <c>actor_client_id</c>).</summary>
    public static ComplexPropertyBuilder<Actor> MapActor(this ComplexPropertyBuilder<Actor> actor)
    {
        actor.Property(a => a.Subject).HasMaxLength(Actor.MaxLength);
        actor.Property(a => a.Role).HasMaxLength(32);
        actor.Property(a => a.ClientId).HasMaxLength(Actor.MaxLength);
        return actor;
    }

    /// <summary>
    /// Makes a table append-only in the database: a trigger refuses UPDATE, DELETE and TRUNCATE, whatever the code does.
    /// </summary>
    public static void MakeAppendOnly(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{table} is append-only';
            END $$;
            CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();
            """);

    public static void DropAppendOnly(this MigrationBuilder migration, string table) =>
        migration.Sql($"DROP TRIGGER {table}_append_only ON {table}; DROP FUNCTION {table}_append_only();");
}
