using System.Globalization;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// The answers to an item's fields (经营者名称, 经营场所, 主体业态 …) as the catalog defines them, checked the same way
/// whoever types them: the citizen online, an agent, or a clerk at the window for a walk-in. An answer is kept as typed
/// (trimmed), a code in capitals and a multiple choice's ticked options in the options' order.
/// </summary>
public static class FormAnswers
{
    /// <summary>How a multiple choice's ticked options are kept in one answer.</summary>
    public const string ChoiceSeparator = "、";

    /// <summary>The longest a text answer may be.</summary>
    public const int AnswerMax = 500;

    /// <summary>The longest all answers of one form may be together.</summary>
    public const int AnswersMax = 20_000;

    /// <summary>The form field (and its message's key) of the field <paramref name="key"/>.</summary>
    public static string FieldName(string key) => $"Fields[{key}]";

    /// <summary>
    /// The answers of <paramref name="fields"/> from what was posted; each answer a field does not take is reported beside
    /// it, and with <paramref name="complete"/> (a submission, an acceptance) every required field left empty too.
    /// </summary>
    public static Dictionary<string, string> Check(IReadOnlyList<PublishedField> fields, IReadOnlyDictionary<string, string> posted, bool complete, List<(string Field, string Message)> errors, IStringLocalizer l, DateOnly today)
    {
        var values = new Dictionary<string, string>();
        foreach (var field in fields)
        {
            var value = (posted.GetValueOrDefault(field.Key) ?? "").Trim();
            if (value.Length == 0)
            {
                if (complete && field.Required)
                {
                    // A list is chosen from, not filled in: the message says which the applicant does.
                    errors.Add((FieldName(field.Key), l[field.Kind is "Choice" or "YesNo" or "MultipleChoice" ? "Apply.FieldChoose" : "Apply.FieldRequired", field.Label]));
                }

                values[field.Key] = "";
                continue;
            }

            var (ok, answer) = Answer(field, value, today);
            values[field.Key] = answer;
            if (!ok)
            {
                errors.Add((FieldName(field.Key), l["Apply.FieldInvalid", field.Label]));
            }
        }

        return values;
    }

    /// <summary>Whether an answer is one the field takes, and the answer as kept (only options: a post cannot store anything else in a choice).</summary>
    public static (bool Ok, string Answer) Answer(PublishedField field, string value, DateOnly today)
    {
        switch (field.Kind)
        {
            case "Number":
                return (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _), value);
            case "Date":
                return (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), value);
            case "Choice":
                return (field.Options.Contains(value), value);
            case "YesNo":
                return (value is "true" or "false", value);
            case "PartyCode":
                var code = value.ToUpperInvariant();
                return (UnifiedSocialCreditCode.IsValid(code) || ChineseIdNumber.IsValid(code, today), code);
            case "MultipleChoice":
                var ticked = value.Split(ChoiceSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return (ticked.All(field.Options.Contains), string.Join(ChoiceSeparator, field.Options.Where(ticked.Contains)));
            default:
                return (value.Length <= AnswerMax, value);
        }
    }

    /// <summary>
    /// A multiple choice posts one value per ticked box, and the binder keeps the first only: this takes them all as one
    /// answer, at most one more than there are options (what is not an option is refused when the answers are checked).
    /// </summary>
    public static void TakeMultipleChoices(IEnumerable<PublishedField> fields, IFormCollection posted, Dictionary<string, string> answers)
    {
        foreach (var field in fields.Where(f => f.Kind == "MultipleChoice"))
        {
            var ticked = posted[FieldName(field.Key)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Take(field.Options.Count + 1);
            answers[field.Key] = string.Join(ChoiceSeparator, ticked);
        }
    }
}
