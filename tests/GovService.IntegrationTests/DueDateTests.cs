using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>A case's due dates as people read them: each 暂定 for itself, and how the promised one was reached, each fact once.</summary>
[Collection(PortalTests.Name)]
public sealed partial class DueDateTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private const string OutdoorSign = "000108002000";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Case> AcceptAsync(string code, int materials)
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = IntakeHttp.WindowForm("张伟", Demo.CitizenId, Demo.CitizenMobile, materials, [.. Enumerable.Range(1, materials)]);
        form.Add(new("outcome", "accept"));
        var response = await clerk.SubmitAsync($"/window/intake/{code}", $"/window/intake/{code}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == code));
    }

    [Fact]
    public async Task A_statutory_date_in_a_year_without_its_holiday_notice_leaves_the_promised_date_in_this_year_firm()
    {
        // Monday 2026-12-07: 5 working days promised end on 12-14; the 20 statutory ones reach into 2027, not loaded yet.
        portal.Clock.Set(new DateTimeOffset(2026, 12, 7, 9, 30, 0, China));
        var accepted = await AcceptAsync(OutdoorSign, 5);

        Assert.Equal(new DateOnly(2026, 12, 14), accepted.PromisedDueDate);
        Assert.False(accepted.PromisedDueProvisional);
        Assert.Equal(2027, accepted.StatutoryDueDate!.Value.Year);
        Assert.True(accepted.StatutoryDueProvisional);
        var clock = await portal.WithDbAsync(db => db.Set<CaseClock>().SingleAsync(c => c.CaseId == accepted.Id));
        Assert.False(clock.PromisedProvisional);
        Assert.True(clock.StatutoryProvisional);

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var notice = await clerk.GetPageAsync($"/window/cases/{accepted.Id}/acceptance-notice");
        Assert.Equal("2026-12-14", Dd(notice, "promised-due"));

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Equal("2026-12-14", Dd(await zhang.GetPageAsync($"/my/cases/{accepted.Number}/notices/acceptance"), "promised-due"));
        Assert.StartsWith("2026-12-14", Dd(await zhang.GetPageAsync($"/my/cases/{accepted.Number}"), "promised-due"), StringComparison.Ordinal);
        Assert.DoesNotContain("暂定", Dd(await zhang.GetPageAsync($"/my/cases/{accepted.Number}"), "promised-due"), StringComparison.Ordinal);
        using var anyone = portal.NewBrowser();
        Assert.DoesNotContain("暂定", await anyone.GetPageAsync($"/status?number={accepted.Number}&code={accepted.QueryCode}"), StringComparison.Ordinal);

        // The reviewer sees both dates, the statutory one marked 暂定 and only it.
        var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().FirstAsync(t => t.CaseId == accepted.Id && t.Name == "设置安全审查"));
        using var zj = portal.NewBrowser();
        await zj.LoginAsync("reviewer.zj");
        var page = await zj.GetPageAsync($"/review/tasks/{task.Id}");
        Assert.Contains("data-testid=\"statutory-provisional\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"promised-provisional\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_explanation_of_a_paused_and_extended_promised_date_says_each_fact_once()
    {
        // Accepted Monday 2026-11-23 (5 working days: 11-30); 补正 asked on 11-24 and answered on 11-26 (two working
        // days paused); 3 working days of extension granted on 11-27: 5 + 2 + 3 = 10 working days, due 12-07.
        var accepted = await AcceptAsync(FoodLicence, 6);
        var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == accepted.Id && t.Stage == 1));
        portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 10, 0, 0, China));
        using (var reviewer = portal.NewBrowser())
        {
            await reviewer.LoginAsync("reviewer");
            await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
            Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", new Dictionary<string, string> { ["Defects[6]"] = "健康证明已过期" })).StatusCode);
        }

        portal.Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 0, 0, China));
        using (var applicant = portal.NewBrowser())
        {
            await applicant.LoginAsync(Demo.CitizenId);
            var sent = await applicant.PostMultipartAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/supplement", [], [TestFile.Pdf("material-6", "健康证明.pdf")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        // A sign-in ends after 30 idle minutes: whoever acts on a later day signs in again.
        portal.Clock.Set(new DateTimeOffset(2026, 11, 27, 9, 0, 0, China));
        using var reviewerOn27 = portal.NewBrowser();
        await reviewerOn27.LoginAsync("reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewerOn27.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/extension", new Dictionary<string, string> { ["Days"] = "3", ["Opinion"] = "需现场核查" })).StatusCode);
        var request = await portal.WithDbAsync(db => db.Set<ClockSegmentRecord>().SingleAsync(s => s.CaseId == accepted.Id && s.State == SegmentState.Requested));
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        Assert.Equal(HttpStatusCode.Redirect, (await chief.SubmitAsync("/window/extensions", $"/window/extensions/{request.Id}", new Dictionary<string, string> { ["decision"] = "grant" })).StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 7), await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.PromisedDueDate).SingleAsync()));

        // The applicant: the date stands above; the explanation gives the start and limit, the pause, the extension and the total once each.
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var mine = await zhang.GetPageAsync($"/my/cases/{accepted.Number}");
        var explained = Text(Explained().Match(mine).Value);
        Assert.Equal(1, Count(explained, "2026-11-23"));
        Assert.Equal(0, Count(explained, "2026-12-07"));
        Assert.Equal(1, Count(explained, "2026-11-27"));
        Assert.Equal(1, Count(explained, "承诺 5 个工作日"));
        Assert.Equal(1, Count(explained, "2026-11-24 — 2026-11-26"));
        Assert.Equal(1, Count(explained, "不计入办理时限 2 个工作日"));
        Assert.Equal(1, Count(explained, "延长审批 3 个工作日"));
        Assert.Equal(1, Count(explained, "共 10 个工作日"));

        // The reviewer: each date once, the start once, the extension's day once.
        var clock = Text(ClockCard().Match(await reviewerOn27.GetPageAsync($"/review/tasks/{task.Id}")).Value);
        Assert.Equal(1, Count(clock, "2026-12-07"));
        Assert.Equal(1, Count(clock, "2026-11-23"));
        Assert.Equal(1, Count(clock, "2026-11-27"));
        Assert.Equal(1, Count(clock, "共 10 个工作日"));
    }

    private static string Dd(string html, string testId) =>
        Text(Regex.Match(html, $"<dd[^>]*data-testid=\"{testId}\"[^>]*>(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value);

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ").Trim();

    private static int Count(string text, string fact) => Regex.Count(text, Regex.Escape(fact));

    [GeneratedRegex("<details[^>]*data-testid=\"due-explained\".*?</details>", RegexOptions.Singleline)]
    private static partial Regex Explained();

    [GeneratedRegex("<div class=\"gov-card\" data-testid=\"clock\">.*?</div>\\s*</div>\\s*<div class=\"col-lg-5\">", RegexOptions.Singleline)]
    private static partial Regex ClockCard();
}
