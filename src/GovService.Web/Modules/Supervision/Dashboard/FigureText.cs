using System.Globalization;

namespace GovService.Web.Modules.Supervision.Dashboard;

/// <summary>
/// How the dashboard, its drill-downs and the CSV write a figure, so that a spreadsheet and the page agree: a share as a
/// percentage with one decimal (87.5%), an average with one decimal; a figure without a basis (no case decided yet) as
/// <c>none</c>.
/// </summary>
public static class FigureText
{
    public static string Percent(double? share, string none = "—") =>
        share is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : none;

    public static string Average(double? value, string none = "—") =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : none;
}
