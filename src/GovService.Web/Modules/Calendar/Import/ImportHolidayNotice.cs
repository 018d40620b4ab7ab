namespace GovService.Web.Modules.Calendar.Import;

/// <summary>An administrator uploads a State Council holiday notice: parsed and checked, then its year replaced in one go.</summary>
public sealed class ImportHolidayNotice(HolidayNoticeParser parser, HolidayNoticeImporter importer)
{
    /// <summary>The year imported, or the reasons the file was refused (nothing changed).</summary>
    public async Task<(int? Year, IReadOnlyList<string> Errors)> RunAsync(Stream notice, string importedBy, CancellationToken ct)
    {
        var (parsed, errors) = await parser.ParseAsync(notice, ct);
        if (parsed is null)
        {
            return (null, errors);
        }

        await importer.ImportAsync(parsed, importedBy, ct);
        return (parsed.Year, []);
    }
}
