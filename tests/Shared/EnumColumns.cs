using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GovService.Testing;

/// <summary>The columns of the portal's model that hold an enum, as "table.column" with the enum type, read from the model itself.</summary>
public static class EnumColumns
{
    public static Dictionary<string, Type> Of(IModel model)
    {
        var columns = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum && property.GetColumnName(store) is { } column)
                {
                    columns[$"{table}.{column}"] = type;
                }
            }
        }

        return columns;
    }
}
