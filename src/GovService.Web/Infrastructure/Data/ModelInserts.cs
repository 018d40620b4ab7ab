using System.Collections.Concurrent;
using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GovService.Web.Infrastructure.Data;

/// <summary>
/// The INSERT of one new entity, its table, columns and parameter types read from the EF Core model — what
/// <c>SaveChanges</c> would send for it, written without the change tracker, for a path that sends all its rows
/// in one <see cref="NpgsqlBatch"/> (one round trip, one implicit transaction). Values a column's store generates
/// on insert (an identity, a default, <c>xmin</c>) are left to it, as EF Core leaves them when the property still
/// holds its default; value converters (a dictionary stored as jsonb) apply as they do on a save.
/// </summary>
public static class ModelInserts
{
    private sealed record Shape(string Table, IReadOnlyList<IProperty> Properties);

    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    /// <summary>Parameters are made by the type mappings from a command that is never sent.</summary>
    private static readonly NpgsqlCommand ParameterFactory = new();

    /// <summary>
    /// <c>INSERT INTO table (columns…) VALUES ($1, …)</c> for <paramref name="entity"/>. <paramref name="computed"/>
    /// sets columns (in place of the entity's values for them) to SQL expressions (over <paramref name="from"/>, a FROM clause the statement then
    /// selects from instead of VALUES); <paramref name="prefix"/> (a WITH clause) and <paramref name="returning"/>
    /// wrap the statement. In those four, <c>{0}</c>, <c>{1}</c>… stand for <paramref name="arguments"/>, sent as
    /// parameters after the entity's.
    /// </summary>
    public static NpgsqlBatchCommand Insert(
        DbContext db,
        object entity,
        IReadOnlyList<(string Column, string Expression)>? computed = null,
        IReadOnlyList<object?>? arguments = null,
        string? prefix = null,
        string? from = null,
        string? returning = null)
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
            if ((property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && Equals(value, property.Sentinel))
                || computed?.Any(c => c.Column == property.GetColumnName()) == true)
            {
                continue;
            }

            command.Parameters.Add((NpgsqlParameter)property.GetRelationalTypeMapping().CreateParameter(ParameterFactory, "", value, property.IsNullable));
            Append(columns, values, property.GetColumnName(), $"${command.Parameters.Count}");
        }

        var positions = new object[arguments?.Count ?? 0];
        for (var i = 0; i < positions.Length; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arguments![i] ?? DBNull.Value });
            positions[i] = $"${command.Parameters.Count}";
        }

        string Bind(string? sql) => sql is null ? "" : string.Format(CultureInfo.InvariantCulture, sql, positions);
        foreach (var (column, expression) in computed ?? [])
        {
            Append(columns, values, column, Bind(expression));
        }

        var source = from is null ? $"VALUES ({values})" : $"SELECT {values} FROM {Bind(from)}";
        command.CommandText = $"{Bind(prefix)} INSERT INTO {shape.Table} ({columns}) {source}{(returning is null ? "" : $" RETURNING {Bind(returning)}")}";
        command.CommandType = CommandType.Text;
        return command;
    }

    private static void Append(StringBuilder columns, StringBuilder values, string column, string value)
    {
        if (columns.Length > 0)
        {
            columns.Append(", ");
            values.Append(", ");
        }

        columns.Append('"').Append(column).Append('"');
        values.Append(value);
    }
}
