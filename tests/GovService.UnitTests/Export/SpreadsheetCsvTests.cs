using System.Text;
using GovService.Web.Shared.Export;

namespace GovService.UnitTests.Export;

public sealed class SpreadsheetCsvTests
{
    private static string Text(byte[] file)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), file[..3]); // Excel reads the Chinese only with the byte-order mark
        return Encoding.UTF8.GetString(file[3..]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string typed)
    {
        var text = Text(SpreadsheetCsv.Write(["名称"], csv =>
        {
            csv.WriteField(typed);
            csv.EndRecord();
        }));

        var cell = text.Split("\r\n")[1];
        Assert.StartsWith("\"'", cell, StringComparison.Ordinal);
        Assert.Contains(typed.Replace("\"", "\"\"", StringComparison.Ordinal), cell, StringComparison.Ordinal);
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_and_numbers_and_dates_are_invariant()
    {
        var text = Text(SpreadsheetCsv.Write(["a", "b", "c", "d"], csv =>
        {
            csv.WriteField("云溪县,桃源乡");
            csv.WriteField("说\"明\"\n第二行");
            csv.WriteField(0.125);
            csv.WriteField(new DateOnly(2026, 12, 7));
            csv.EndRecord();
        }));

        Assert.Equal("a,b,c,d\r\n\"云溪县,桃源乡\",\"说\"\"明\"\"\n第二行\",0.125,2026-12-07\r\n", text);
    }
}
