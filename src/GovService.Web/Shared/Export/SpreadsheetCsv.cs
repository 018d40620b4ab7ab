using CsvHelper;

namespace GovService.Web.Shared.Export;

/// <summary>
/// Every CSV the portal hands out (open data, the supervisors' export) is written here, with CsvHelper: RFC 4180
/// quoting, UTF-8 with a byte-order mark (Excel, which the county's staff open it in, then reads the Chinese), and
/// cells that start with = + - @ (or a tab or CR) escaped so a spreadsheet shows them as text instead of running
/// them as a formula (CSV injection: a user-typed item name or hall name is in these files).
/// </summary>
public static class SpreadsheetCsv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    /// <summary>A file of one header and the rows <paramref name="write"/> writes (each ending with <see cref="CsvWriter.EndRecord"/>).</summary>
    public static byte[] Write(IReadOnlyList<string> header, Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var column in header)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            write(csv);
        }

        return stream.ToArray();
    }
}
