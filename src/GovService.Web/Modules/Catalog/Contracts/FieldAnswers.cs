using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Contracts;

/// <summary>One answer of an application form as people read it: the field's catalog label and the value shown for its kind.</summary>
public sealed record FieldAnswer(string Key, string Label, string Value);

/// <summary>
/// The answers of an application (kept by key, as the form posts them: <c>online_sales</c> → <c>false</c>) shown with the
/// labels of the item version's fields and typed values: 是 / 否 for a yes-no field, a date written out, a choice as
/// the option chosen. In the fields' order; an answer to a field the version no longer has keeps its key.
/// </summary>
public static class FieldAnswers
{
    public static IReadOnlyList<FieldAnswer> Describe(IReadOnlyList<PublishedField> fields, IReadOnlyDictionary<string, string> answers, IStringLocalizer<SharedResource> l)
    {
        var known = fields.Where(f => answers.ContainsKey(f.Key)).Select(f => new FieldAnswer(f.Key, f.Label, Show(f, answers[f.Key], l)));
        var unknown = answers.Where(a => fields.All(f => f.Key != a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new FieldAnswer(a.Key, a.Key, Blank(a.Value) ?? a.Value));
        return [.. known, .. unknown];
    }

    /// <summary>A value as its field's kind reads (Kind as <see cref="ICatalogDirectory.FieldsAsync"/> names it).</summary>
    public static string Show(PublishedField field, string value, IStringLocalizer<SharedResource> l)
    {
        if (Blank(value) is { } dash)
        {
            return dash;
        }

        return field.Kind switch
        {
            "YesNo" when bool.TryParse(value, out var yes) => l[yes ? "Common.Yes" : "Common.No"].Value,
            "Date" when DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString(l["Common.DateLong"].Value, CultureInfo.CurrentCulture),
            _ => value.Trim(),
        };
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? "—" : null;
}
