using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Admin;

public enum FieldSaved
{
    Saved = 1,
    NoSuchField = 2,
    Refused = 3,
}

/// <summary>
/// Adds an application field to the draft or edits one: a choice (single or multiple) needs two options at least (one a line, or separated
/// by commas), and a key is unique in the version.
/// </summary>
public sealed class SaveField(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<(FieldSaved Outcome, IReadOnlyList<(string Field, string Message)> Errors)> RunAsync(ItemVersion draft, FieldForm form, bool fieldsValid, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var options = form.Options.Split(['\n', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (form.Kind.HasOptions() && options.Length < 2)
        {
            errors.Add(("NewField.Options", l["Admin.Field.Options.Required"]));
        }

        if (draft.Fields.Any(f => f.Key == form.Key && f.Id != form.Id))
        {
            errors.Add(("NewField.Key", l["Admin.Field.Key.Taken"]));
        }

        if (errors.Count > 0 || !fieldsValid)
        {
            return (FieldSaved.Refused, errors);
        }

        var field = form.Id is { } id ? draft.Fields.FirstOrDefault(f => f.Id == id) : null;
        if (form.Id is not null && field is null)
        {
            return (FieldSaved.NoSuchField, []);
        }

        if (field is null)
        {
            field = new FormField { VersionId = draft.Id, Position = draft.Fields.Count == 0 ? 1 : draft.Fields.Max(f => f.Position) + 1 };
            db.Add(field);
        }

        field.Key = form.Key;
        field.Label = form.Label.Trim();
        field.Kind = form.Kind;
        field.Required = form.Required;
        field.Options = form.Kind.HasOptions() ? options : [];
        field.Help = form.Help.Trim();
        await db.SaveChangesAsync(ct);
        return (FieldSaved.Saved, []);
    }
}
