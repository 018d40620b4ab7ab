using System.Globalization;
using System.Text;

namespace GovService.UnitTests.Calendar;

public sealed class HolidayNoticeParserTests
{
    private static async Task<(bool Accepted, IReadOnlyList<string> Errors)> Parse(string json)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var (notice, errors) = await Notices.Parser().ParseAsync(stream, CancellationToken.None);
        return (notice is not null, errors);
    }

    [Fact]
    public async Task A_well_formed_notice_is_accepted()
    {
        var (accepted, errors) = await Parse("""{"year":2027,"source":"test","days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"春节","date":"2027-02-07","isOffDay":false}]}""");

        Assert.True(accepted, string.Join("; ", errors));
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var (accepted, errors) = await Parse("""
            {"year":2027,"days":[
              {"name":"元旦","date":"2027-13-01","isOffDay":true},
              {"name":"元旦","date":"2026-12-31","isOffDay":true},
              {"name":"","date":"2027-01-02","isOffDay":true},
              {"name":"春节","date":"2027-02-08","isOffDay":false},
              {"name":"元旦","date":"2027-01-02","isOffDay":true}
            ]}
            """);

        Assert.False(accepted);
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("2027-13-01", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("不属于 2027 年", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("缺少节日名称", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("调休上班日只能是周六或周日", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("重复", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"days":[]}""")]
    [InlineData("""{"year":2027,"days":[]}""")]
    public async Task A_file_that_is_not_a_notice_is_refused_with_a_message(string json)
    {
        var (accepted, errors) = await Parse(json);

        Assert.False(accepted);
        Assert.Single(errors);
        Assert.False(string.IsNullOrWhiteSpace(errors[0]));
    }
}
