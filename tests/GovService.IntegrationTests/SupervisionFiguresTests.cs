using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>The supervisors' flags (重复申请, 多跑, 二次补正) and the county's reform targets, scoped to the region.</summary>
[Collection(PortalTests.Name)]
public sealed partial class SupervisionFiguresTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> Form(string name, string id, string mobile, params int[] received)
    {
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", name), new("ApplicantIdNumber", id), new("ContactMobile", mobile) };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (received.Contains(i + 1))
            {
                form.Add(new($"Materials[{i}].Received", "true"));
            }
        }

        return form;
    }

    /// <summary>What the recurring job does every few minutes.</summary>
    private async Task RefreshFiguresAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaseFactsRefresh>().RunAsync(false, CancellationToken.None);
    }

    private Task<Case> LatestAsync(string idNumber) =>
        portal.WithDbAsync(db => db.Set<Case>().Where(c => c.ApplicantIdNumber == idNumber).OrderByDescending(c => c.CreatedAt).FirstAsync());

    [Fact]
    public async Task Repeat_applications_extra_visits_and_a_second_supplement_are_flagged_for_the_supervisor_of_the_region()
    {
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        await RefreshFiguresAsync();
        var before = Flags(await supervisor.GetPageAsync("/supervision"));
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        // 王小明: told at the window what is missing, comes back (a second visit), then a reviewer asks a supplement again.
        var first = Form("王小明", "361131200001010016", "13700137000", 1, 3, 4, 5, 6);
        first.Add(new("outcome", "supplement"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", first);
        var wang = await LatestAsync("361131200001010016");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync($"/window/continue?number={wang.Number}", $"/window/continue/{wang.Id}", Form("王小明", "361131200001010016", "13700137000", 1, 2, 3, 4, 5, 6))).StatusCode);
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == wang.Id && t.Stage == 1));
        await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
        // A second supplement request needs a reason and a supervisor's approval (issue 26) before it reaches the applicant.
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", new Dictionary<string, string> { ["Defects[2]"] = "营业执照副本不清晰", ["Opinion"] = "窗口未发现副本模糊" })).StatusCode);
        var request = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Approval.Domain.SecondSupplementRequest>().SingleAsync(r => r.CaseId == wang.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync($"/supervision/supplements/{request.Id}", $"/supervision/supplements/{request.Id}", new Dictionary<string, string> { ["decision"] = "approve" })).StatusCode);

        // 赵敏 applies for the same licence twice the same morning: the second is a repeat.
        const string Zhao = "361131199505050024";
        var all = Form("赵敏", Zhao, "13600136000", 1, 2, 3, 4, 5, 6);
        all.Add(new("outcome", "accept"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", all);
        var earlier = await LatestAsync(Zhao);
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 9, 10, 0, TimeSpan.FromHours(8)));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", all);
        var repeat = await LatestAsync(Zhao);
        Assert.NotEqual(earlier.Id, repeat.Id);

        await RefreshFiguresAsync();
        var dashboard = await supervisor.GetPageAsync("/supervision");
        Assert.Contains("办件统计截至 2026-11-23", dashboard, StringComparison.Ordinal);
        Assert.Equal((before.Repeat + 1, before.Visits + 1, before.Supplement + 1), Flags(dashboard));
        var repeats = await supervisor.GetPageAsync("/supervision/flags?kind=repeat");
        Assert.Contains(repeat.Number!, repeats, StringComparison.Ordinal);
        Assert.DoesNotContain(earlier.Number!, repeats, StringComparison.Ordinal);
        var supplements = await supervisor.GetPageAsync("/supervision/flags?kind=supplement");
        Assert.Contains(wang.Number!, supplements, StringComparison.Ordinal);
        var story = await supervisor.GetPageAsync($"/supervision/cases/{wang.Number}");
        Assert.Contains("二次补正", story, StringComparison.Ordinal);
        Assert.Contains("跑动超承诺", story, StringComparison.Ordinal);

        // The reform targets: five figures, each with its goal.
        Assert.Equal(5, ReformRow().Count(dashboard));
        Assert.Contains("网上可办率", dashboard, StringComparison.Ordinal);
        Assert.Contains("材料免提交率", dashboard, StringComparison.Ordinal);

        // A township supervisor sees none of the county hall's flags or cases.
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        var townshipFlags = Flags(await township.GetPageAsync("/supervision"));
        Assert.True(townshipFlags.Repeat < before.Repeat + 1);
        Assert.DoesNotContain(repeat.Number!, await township.GetPageAsync("/supervision/flags"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/supervision/cases/{wang.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/supervision/flags")).StatusCode);
    }

    [Fact]
    public async Task Both_demo_cases_of_the_seeded_county_are_in_the_supervisors_figures()
    {
        // The seeded cases are accepted at a hall like every real case; a case of no hall is left out of the figures.
        await RefreshFiguresAsync();
        var days = await portal.WithDbAsync(db => db.Set<CaseDayFacts>().Where(f => f.Day == new DateOnly(2026, 10, 20) || f.Day == new DateOnly(2026, 11, 3)).ToListAsync());
        Assert.Equal(1, days.Where(f => f.BasicCode == "000707001000").Sum(f => f.Cases));
        Assert.Equal(1, days.Where(f => f.BasicCode == "000707001000").Sum(f => f.Decided));
        Assert.Equal(1, days.Where(f => f.BasicCode == FoodLicence).Sum(f => f.Open));
    }

    [Fact]
    public async Task The_frequent_refresh_also_recomputes_old_days_that_still_hold_open_cases()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var all = Form("赵敏", "361131199505050024", "13600136000", 1, 2, 3, 4, 5, 6);
        all.Add(new("outcome", "accept"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", all);
        var accepted = await LatestAsync("361131199505050024");
        await RefreshFiguresAsync();
        Task<CaseDayFacts> DayAsync() => portal.WithDbAsync(db => db.Set<CaseDayFacts>().SingleAsync(f => f.Day == new DateOnly(2026, 11, 23) && f.HallId == accepted.HallId && f.BasicCode == FoodLicence));
        var before = await DayAsync();
        Assert.True(before.Open >= 1);

        // Four months later (beyond the 90 recent days) the case is decided: its old day is recomputed all the same.
        portal.Clock.Set(new DateTimeOffset(2027, 3, 29, 10, 0, 0, TimeSpan.Zero));
        await ReviewJourney.ApproveAsync(portal, accepted.Id);
        Assert.Equal(CaseState.AwaitingDelivery, (await LatestAsync("361131199505050024")).State);
        portal.Clock.Set(new DateTimeOffset(2027, 3, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        await RefreshFiguresAsync();
        var after = await DayAsync();
        Assert.Equal(before.Open - 1, after.Open);
        Assert.Equal(before.Decided + 1, after.Decided);
        Assert.Equal(before.Cases, after.Cases);
    }

    private static (int Repeat, int Visits, int Supplement) Flags(string dashboard)
    {
        int Count(string testId) => int.Parse(Regex.Match(dashboard, $"data-testid=\"{testId}\">[^<：]*：(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Count("flag-repeat"), Count("flag-visits"), Count("flag-supplement"));
    }

    [GeneratedRegex("data-testid=\"reform-row\"")]
    private static partial Regex ReformRow();
}
