using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// What the supervisor reads on the 效能监察 screens: a card figure and its list agree, the table per department shows the
/// chart's numbers, the CSV opens in Excel with headers in the user's language, rules and averages are said in words.
/// </summary>
[Collection(PortalTests.Name)]
public sealed partial class SupervisionScreenTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Market = "云溪县市场监督管理局";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Case> AcceptAsync(string name, string idNumber, string mobile)
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var accepted = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm(name, idNumber, mobile, 6, 1, 2, 3, 4, 5, 6));
        return await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
    }

    /// <summary>The sweep and the figures' refresh as the recurring jobs run them, on a working day after <paramref name="day"/>.</summary>
    private async Task<DateOnly> SweepAndRefreshAfterAsync(DateOnly day)
    {
        var late = day.AddDays(1);
        while (late.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            late = late.AddDays(1);
        }

        portal.Clock.Set(new DateTimeOffset(late.ToDateTime(new TimeOnly(9, 5)), TimeSpan.FromHours(8)));
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(late, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<CaseFactsRefresh>().RunAsync(false, CancellationToken.None);
        return late;
    }

    /// <summary>The period of <see cref="SupervisorOverOneOnTimeOneLateAsync"/>'s cases, which leaves out the seeded county's earlier ones.</summary>
    private const string Period = "from=2026-11-23";

    /// <summary>
    /// Two food licences of 市场监管局, one approved on the day it was accepted, one left open past both its deadlines;
    /// the county supervisor signed in.
    /// </summary>
    private async Task<Browser> SupervisorOverOneOnTimeOneLateAsync()
    {
        var onTime = await AcceptAsync("王小明", IntakeHttp.WalkInId, "13700137000");
        await ReviewJourney.ApproveAsync(portal, onTime.Id);
        var late = await AcceptAsync(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile);
        await SweepAndRefreshAfterAsync(late.StatutoryDueDate!.Value);
        var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        return supervisor;
    }

    private static int Count(string page, string testId) => Regex.Count(page, $"data-testid=\"{testId}\"");

    private static int Number(string page, string pattern) => int.Parse(Regex.Match(page, pattern).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cells of the department table's row of <paramref name="department"/>, by column.</summary>
    internal static Dictionary<string, string> TableRow(string page, string department)
    {
        var row = Regex.Match(page, $"<tr data-testid=\"department-row\" data-name=\"{department}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no table row for {department}");
        return CellPattern().Matches(row.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => Regex.Replace(Regex.Replace(m.Groups[2].Value, "<[^>]+>", ""), "\\s+", " ").Trim());
    }

    [GeneratedRegex("<td data-col=\"([a-z-]+)\"[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [Fact]
    public async Task The_card_counts_on_the_dashboard_are_the_rows_of_their_drill_down_lists()
    {
        var accepted = await AcceptAsync(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile);
        await SweepAndRefreshAfterAsync(accepted.StatutoryDueDate!.Value);

        // Past both deadlines the case holds a yellow card on each (and its first step one of its own): more cards than carded work.
        var yellowCards = await portal.WithDbAsync(db => db.Set<Card>().CountAsync(c => c.CaseId == accepted.Id && c.Colour == CardColour.Yellow && c.ClosedAt == null));
        Assert.True(yellowCards >= 3, $"{yellowCards} yellow cards");

        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        var dashboard = await supervisor.GetPageAsync("/supervision");
        var yellow = Number(dashboard, "data-testid=\"kpi-yellow\">(\\d+)<");
        var red = Number(dashboard, "data-testid=\"kpi-red\">(\\d+)<");
        Assert.True(yellow > 0 && red > 0);

        var yellowList = await supervisor.GetPageAsync("/supervision/cards?colour=Yellow");
        Assert.Equal(yellow, Count(yellowList, "carded-case"));
        Assert.Contains($"data-count=\"{yellow}\"", yellowList, StringComparison.Ordinal);
        Assert.Contains("承诺办结时限、法定办结时限", yellowList, StringComparison.Ordinal); // one row, both deadlines
        Assert.Equal(red, Count(await supervisor.GetPageAsync("/supervision/cards?colour=Red"), "carded-case"));

        // Each bar of the chart opens a list of exactly its yellow and red rows.
        var bars = Regex.Matches(dashboard, "data-testid=\"department-cards\" data-name=\"[^\"]*\" data-yellow=\"(\\d+)\" data-red=\"(\\d+)\">\\s*<div class=\"col-5\"><a href=\"([^\"]+)\"");
        Assert.NotEmpty(bars);
        foreach (Match bar in bars)
        {
            var list = await supervisor.GetPageAsync(bar.Groups[3].Value.Replace("&amp;", "&", StringComparison.Ordinal));
            Assert.Equal(int.Parse(bar.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(bar.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Count(list, "carded-case"));
        }
    }

    [Fact]
    public async Task The_table_per_department_shows_the_charts_cards_beside_the_departments_case_figures()
    {
        using var supervisor = await SupervisorOverOneOnTimeOneLateAsync();
        var dashboard = await supervisor.GetPageAsync($"/supervision?{Period}");
        var bar = Regex.Match(dashboard, $"data-testid=\"department-cards\" data-name=\"{Market}\" data-yellow=\"(\\d+)\" data-red=\"(\\d+)\"");
        Assert.True(bar.Success);
        var row = TableRow(dashboard, Market);
        Assert.Equal(bar.Groups[1].Value, row["yellow"]);
        Assert.Equal(bar.Groups[2].Value, row["red"]);
        Assert.NotEqual("0", row["red"]);
        Assert.Equal("1", row["open"]);
        Assert.Equal("1", row["overdue"]);
        Assert.Equal("100.0%", row["on-time"]);
        Assert.Equal("0.0", row["days"]);
        Assert.Equal("0.0%", row["supplement"]);
        Assert.Equal("—", row["satisfied"]);
        Assert.Contains("超期在办为已过承诺办结日期仍未办结", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_opens_in_excel_with_headers_in_the_users_language_and_rates_as_percentages()
    {
        using var supervisor = await SupervisorOverOneOnTimeOneLateAsync();
        var response = await supervisor.GetAsync($"/supervision/export.csv?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("受理日期自", header[0]);
        Assert.Contains("按时办结率", header);
        Assert.Contains("超期在办", header);
        Assert.Contains("满意率", header);
        var market = lines.Single(l => l.Contains($",部门,{Market},", StringComparison.Ordinal)).Split(',');
        Assert.Equal("100.0%", market[Array.IndexOf(header, "按时办结率")]);
        Assert.Equal("1", market[Array.IndexOf(header, "超期在办")]);
        Assert.Contains(lines, l => l.Contains(",大厅,云溪县政务服务中心,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",事项,000104004000 ", StringComparison.Ordinal));

        var english = await (await supervisor.GetAsync($"/supervision/export.csv?{Period}&culture=en")).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, english[..3]);
        var text = Encoding.UTF8.GetString(english[3..]);
        Assert.StartsWith("Accepted from,Accepted to,Group,Name,Cases,Open,Overdue,", text, StringComparison.Ordinal);
        Assert.Contains("On-time rate", text, StringComparison.Ordinal);
        Assert.Contains($",Department,{Market},", text, StringComparison.Ordinal);
        Assert.Contains("100.0%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_shows_the_name_of_its_rule_not_the_code()
    {
        var accepted = await AcceptAsync(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile);
        await SweepAndRefreshAfterAsync(accepted.PromisedDueDate!.Value);
        var order = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().SingleAsync(o => o.CaseId == accepted.Id && o.RuleCode == MonitoringRules.PromisedOverdue));

        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        var page = await supervisor.GetPageAsync($"/supervision/orders/{order.Id}");
        Assert.Contains("超过承诺办结时限", page, StringComparison.Ordinal);
        var list = await supervisor.GetPageAsync("/supervision/orders");
        Assert.Contains("超过承诺办结时限", list, StringComparison.Ordinal);
        foreach (var code in MonitoringRules.All)
        {
            Assert.DoesNotContain(code, page, StringComparison.Ordinal);
            Assert.DoesNotContain(code, list, StringComparison.Ordinal);
        }

        Assert.Contains("past the promised deadline", await supervisor.GetPageAsync($"/supervision/orders/{order.Id}?culture=en"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> NavigationOfSupervision() => new()
    {
        { "supervisor", "supervisor", "" }, { "supervisor", "supervisor", "?culture=en" },
        { "reviewer", "reviewer", "" }, { "reviewer", "reviewer", "?culture=en" },
        { "admin", "admin", "" }, { "admin", "admin", "?culture=en" },
    };

    /// <summary>Every supervision item of a role's menu leads to a page whose title is the item's own words.</summary>
    [Theory]
    [MemberData(nameof(NavigationOfSupervision))]
    public async Task Each_supervision_menu_item_leads_to_a_page_titled_as_the_item(string account, string nav, string culture)
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        var home = await browser.GetPageAsync("/" + culture);
        var items = Regex.Matches(home, $"<a class=\"nav-link\" href=\"(/(?:admin/)?supervision[^\"]*)\" data-nav=\"{nav}\">([^<]+)</a>");
        Assert.NotEmpty(items);
        foreach (Match item in items)
        {
            var page = await browser.GetPageAsync(item.Groups[1].Value + culture);
            var title = Regex.Match(page, "<h1[^>]*>\\s*([^<]+?)\\s*<").Groups[1].Value;
            Assert.Equal(System.Net.WebUtility.HtmlDecode(item.Groups[2].Value), System.Net.WebUtility.HtmlDecode(title));
        }
    }
}
