using System.Text.RegularExpressions;

namespace GovService.Web.Shared.Identity;

/// <summary>Mainland mobile numbers: 11 digits starting 13–19.</summary>
public static partial class MobileNumber
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    /// <summary>138****5678</summary>
    public static string Mask(string? value) =>
        value is { Length: 11 } ? string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(7)) : "****";

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Pattern();
}
