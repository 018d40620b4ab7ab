using System.Globalization;

namespace GovService.Web.Shared.Localization;

/// <summary>
/// The portal's languages: Chinese (the default, and what a walk-in applicant without an account is written to) and
/// English. A name from anywhere (a cookie, a stored preference) comes back as one of the two.
/// </summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Chinese, English];

    /// <summary>English for any English culture name (en, en-GB …), Chinese for everything else, missing or unknown.</summary>
    public static string Normalize(string? name) =>
        name is not null && (name.Equals(English, StringComparison.OrdinalIgnoreCase) || name.StartsWith(English + "-", StringComparison.OrdinalIgnoreCase))
            ? English
            : Chinese;
}

/// <summary>
/// Renders text in a given language whatever the request's language is (the clerk's, or none in a job): the
/// localizers read <see cref="CultureInfo.CurrentUICulture"/> when asked, so text asked for inside the scope is in
/// <paramref name="culture"/>. Synchronous use only (no await inside): the previous cultures come back on dispose.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture;
    private readonly CultureInfo uiCulture;

    private CultureScope(string culture)
    {
        this.culture = CultureInfo.CurrentCulture;
        uiCulture = CultureInfo.CurrentUICulture;
        var chosen = CultureInfo.GetCultureInfo(Cultures.Normalize(culture));
        CultureInfo.CurrentCulture = chosen;
        CultureInfo.CurrentUICulture = chosen;
    }

    public static CultureScope Of(string? culture) => new(Cultures.Normalize(culture));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
