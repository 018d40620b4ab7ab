using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GovService.Web.Infrastructure.Data;

/// <summary>
/// The INSERT of one new entity, its table, columns and parameter types read from the EF Core model — what
/// <c>SaveChanges</c> would send for it, written without the change tracker, for a path that sends all its rows
/// in one <see cref="NpgsqlBatch"/> (one round trip, one implicit transaction: docs/decisions/0007). Values the
/// store generates on insert (an identity, a default, <c>xmin</c>) are left to it, as EF Core leaves them when the
/// property still holds its default; value converters (a dictionary stored as jsonb) apply as they do on a save.
/// </summary>
public static class ModelInserts
{
    private sealed record Shape(string Table, IReadOnlyList<IProperty> Properties);

    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    /// <summary>Parameters are made by the type mappings from a command that is never sent.</summary>
    private static readonly NpgsqlCommand ParameterFactory = new();

    /// <summary>
    /// <c>-- tag</c> (as EF Core's <c>TagWith</c> writes it: the statement is known by it in <c>pg_stat_activity</c> and
    /// the server's log), then <c>INSERT INTO "schema"."table" ("column", …) VALUES ($1, …)</c> for
    /// <paramref name="entity"/>, then <paramref name="onConflict"/> when given (e.g. <c>ON CONFLICT ("id") DO NOTHING</c>).
    /// </summary>
    public static NpgsqlBatchCommand Insert(DbContext db, object entity, string tag, string? onConflict = null)
    {
        var type = db.Model.FindEntityType(entity.GetType()) ?? throw new InvalidOperationException($"{entity.GetType().Name} is not in the model.");
        var shape = Shapes.GetOrAdd(type, static t => new Shape(
            $"\"{t.GetSchema() ?? "public"}\".\"{t.GetTableName()}\"",
            [.. t.GetProperties().Where(p => !p.IsShadowProperty() && p.GetColumnName() != "xmin")]));

        var command = new NpgsqlBatchCommand();
        var columns = new StringBuilder();
        var values = new StringBuilder();
        foreach (var property in shape.Properties)
        {
            var value = property.GetGetter().GetClrValue(entity);
            if (property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && Equals(value, property.Sentinel))
            {
                continue;
            }

            command.Parameters.Add((NpgsqlParameter)property.GetRelationalTypeMapping().CreateParameter(ParameterFactory, "", value, property.IsNullable));
            columns.Append(columns.Length > 0 ? ", \"" : "\"").Append(property.GetColumnName()).Append('"');
            values.Append(values.Length > 0 ? ", $" : "$").Append(command.Parameters.Count);
        }

        command.CommandText = $"-- {tag.ReplaceLineEndings(" ")}\nINSERT INTO {shape.Table} ({columns}) VALUES ({values}){(onConflict is null ? "" : " " + onConflict)}";
        return command;
    }
}
