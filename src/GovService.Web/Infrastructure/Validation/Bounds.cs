using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Infrastructure.Validation;

/// <summary>
/// How long a text a form takes may be: its database column's length (the EF configurations' HasMaxLength), or for
/// a text column a length no honest answer reaches. Checked by the form's validator, so an over-long value is
/// refused next to its field with the typed values kept, before the database sees it (which would answer 500).
/// </summary>
internal static class Bounds
{
    /// <summary>The error code of a broken bound that is not a MaximumLength rule: such a form answers 400 as well.</summary>
    public const string ErrorCode = "Bound";

    /// <summary>Whether a validation failure is a broken bound (the form then answers 400, see <see cref="FluentValidationFilter"/>).</summary>
    public static bool IsBound(FluentValidation.Results.ValidationFailure failure) => failure.ErrorCode is "MaximumLengthValidator" or ErrorCode;

    /// <summary>Free text kept in a text column (guides, instructions, notes without a column limit).</summary>
    public const int LongText = 4000;

    /// <summary>A choice posted as text (an outcome, a decision, a role): longer than any of the choices.</summary>
    public const int Choice = 50;

    /// <summary>Each answer of a dictionary (Fields[key], Defects[n]) at most <paramref name="max"/> characters, next to its own field, and all of them together at most <paramref name="total"/>.</summary>
    public static IRuleBuilderOptions<T, Dictionary<TKey, string>> Bounded<T, TKey>(this IRuleBuilder<T, Dictionary<TKey, string>> rule, int max, int total, IStringLocalizer l)
        where TKey : notnull =>
        rule.SetValidator(new BoundedEntries<T, TKey>(max, total, l));
}

/// <summary>
/// The bound of a dictionary of answers: each value at most <see cref="Max"/> characters (the message under
/// <c>Name[key]</c>, where the form shows that field), all values together at most <see cref="Total"/> (a message for
/// the whole form).
/// </summary>
internal sealed class BoundedEntries<T, TKey>(int max, int total, IStringLocalizer l) : PropertyValidator<T, Dictionary<TKey, string>>
    where TKey : notnull
{
    public int Max => max;

    public int Total => total;

    public override string Name => nameof(BoundedEntries<T, TKey>);

    public override bool IsValid(ValidationContext<T> context, Dictionary<TKey, string> value)
    {
        if (value is null)
        {
            return true;
        }

        var property = context.PropertyPath;
        foreach (var (key, text) in value.Where(e => e.Value?.Length > max))
        {
            context.AddFailure(new FluentValidation.Results.ValidationFailure($"{property}[{key}]", l["Common.TooLong", max]) { AttemptedValue = "", ErrorCode = Bounds.ErrorCode });
        }

        if (value.Values.Sum(v => (long)(v?.Length ?? 0)) > total)
        {
            context.AddFailure(new FluentValidation.Results.ValidationFailure(string.Empty, l["Common.FormTooLong", total]) { AttemptedValue = "", ErrorCode = Bounds.ErrorCode });
        }

        return true;
    }
}
