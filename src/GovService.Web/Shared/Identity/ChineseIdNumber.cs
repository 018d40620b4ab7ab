using System.Globalization;

namespace GovService.Web.Shared.Identity;

/// <summary>Why a 公民身份号码 was refused; views turn it into a localised message.</summary>
public enum IdNumberProblem
{
    None,
    Empty,
    Format,
    Region,
    BirthDate,
    CheckCharacter,
}

/// <summary>
/// 公民身份号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence and an
/// ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static IdNumberProblem Check(string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return IdNumberProblem.Empty;
        }

        var id = Normalize(value);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return IdNumberProblem.Format;
        }

        // Province codes run from 11 (北京) to 82 (澳门); 0 and 9 never start an address code.
        if (id[0] is '0' or '9')
        {
            return IdNumberProblem.Region;
        }

        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return IdNumberProblem.BirthDate;
        }

        return id[17] == ComputeCheckCharacter(id.AsSpan(0, 17)) ? IdNumberProblem.None : IdNumberProblem.CheckCharacter;
    }

    public static bool IsValid(string? value, DateOnly today) => Check(value, today) == IdNumberProblem.None;

    /// <summary>Upper-cases the check character and trims blanks, so "…x" and "…X" are the same person.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static DateOnly BirthDate(string validId) =>
        DateOnly.ParseExact(validId.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Shows the first 6 and last 4 characters: 360123********123X.</summary>
    public static string Mask(string? id) =>
        string.IsNullOrEmpty(id) || id.Length < 10 ? "****" : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));
}
