using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;

namespace GovService.UnitTests.Numbering;

public sealed class DocumentNumbersTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Theory]
    [InlineData("DB", 42, "DB20261123000042")]
    [InlineData("TS", 1, "TS20261123000001")]
    [InlineData("ZG", 999999, "ZG20261123999999")]
    public void A_number_is_the_prefix_the_day_and_six_digits(string prefix, long sequence, string expected)
    {
        var series = DocumentSeries.All.Single(s => s.Prefix == prefix);
        Assert.Equal(expected, DocumentNumbers.Format(series, Day, sequence));
    }

    [Fact]
    public void The_millionth_number_grows_a_digit_and_is_never_cut_short()
    {
        Assert.Equal("DB202611231000000", DocumentNumbers.Format(DocumentSeries.SupervisionOrder, Day, 1_000_000));
        Assert.Equal("DB2026112312345678", DocumentNumbers.Format(DocumentSeries.SupervisionOrder, Day, 12_345_678));
    }

    [Fact]
    public void Every_series_has_its_own_prefix_and_its_own_sequence()
    {
        Assert.Equal(DocumentSeries.All.Count, DocumentSeries.All.Select(s => s.Prefix).Distinct().Count());
        Assert.Equal(DocumentSeries.All.Count, DocumentSeries.All.Select(s => s.Sequence).Distinct().Count());
        Assert.Equal(["BY", "DB", "DL", "TS", "WT", "YY", "ZG", "ZY"], DocumentSeries.All.Select(s => s.Prefix).Order());
    }

    [Fact]
    public void Every_series_draws_from_a_sequence_the_model_declares()
    {
        using var db = SqlOnlyContext.Create();
        var declared = db.Model.GetSequences().Select(s => s.Name).ToHashSet();
        Assert.All(DocumentSeries.All, s => Assert.Contains(s.Sequence, declared));
    }
}
