using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>好差评: ratings of window visits and finished cases, the work order a bad rating opens, its feedback, re-rating and appeal.</summary>
[Collection(PortalTests.Name)]
public sealed class RatingTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>张伟's food licence: accepted at the county window by 李娜, approved by 陈静 (市场监管局), handed over at the window.</summary>
    private async Task<Case> FinishedFoodLicenceAsync()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept") };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == FoodLicence));
        await ReviewJourney.ApproveAsync(portal, accepted.Id);
        var handed = await clerk.SubmitAsync("/window/delivery", $"/window/delivery/{accepted.Id}", new Dictionary<string, string> { ["method"] = "Pickup", ["recipient"] = "张伟", ["recipientId"] = Demo.CitizenId });
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        var done = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Equal(CaseState.Completed, done.State);
        return done;
    }

    private static string Path(Case c) => $"/my/cases/{c.Number}/rating";

    [Fact]
    public async Task A_very_dissatisfied_rating_opens_a_work_order_the_department_feeds_back_and_the_citizen_rates_the_rectification()
    {
        var done = await FinishedFoodLicenceAsync();
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Contains(Path(done), await zhang.GetPageAsync($"/my/cases/{done.Number}"), StringComparison.Ordinal);
        var sheet = await zhang.GetPageAsync(Path(done));
        Assert.Contains("办件整体评价", sheet, StringComparison.Ordinal);
        Assert.Contains("陈静", sheet, StringComparison.Ordinal);

        // 非常不满意 without a reason is refused, in Chinese, and keeps the choice.
        var bare = await zhang.SubmitAsync(Path(done), Path(done), new Dictionary<string, string> { ["step"] = "0", ["level"] = "5", ["comment"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var refused = await bare.Content.ReadAsStringAsync();
        Assert.Contains("请写明不满意的原因", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"5\" checked=\"checked\"", refused, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<Rating>().CountAsync()));

        var rated = await zhang.SubmitAsync(Path(done), Path(done), new Dictionary<string, string> { ["step"] = "0", ["level"] = "5", ["comment"] = "审批期间电话无人接听，进度不清楚。" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var again = await zhang.SubmitAsync(Path(done), Path(done), new Dictionary<string, string> { ["step"] = "0", ["level"] = "1", ["comment"] = "" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("只能评价一次", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rating = await portal.WithDbAsync(db => db.Set<Rating>().SingleAsync(r => r.CaseId == done.Id));
        Assert.Equal(Satisfaction.VeryDissatisfied, rating.Level);
        Assert.Equal(RatingChannel.Pc, rating.Channel);
        Assert.Equal("陈静", rating.StaffName);
        Assert.Equal("云溪县市场监督管理局", rating.DepartmentName);
        var order = await portal.WithDbAsync(db => db.Set<RectificationOrder>().SingleAsync(o => o.RatingId == rating.Id));
        Assert.Equal(RectificationState.Open, order.State);
        Assert.Equal(new DateOnly(2026, 11, 30), order.DueOn); // five working days from Monday 23 November
        Assert.StartsWith("ZG20261123", order.Number, StringComparison.Ordinal);

        // The window visits can be rated too; a good rating opens nothing.
        var windowStep = await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == done.Id && s.Action == "Accepted").Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.SubmitAsync(Path(done), Path(done), new Dictionary<string, string> { ["step"] = windowStep.ToString(System.Globalization.CultureInfo.InvariantCulture), ["level"] = "1" })).StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<RectificationOrder>().CountAsync()));
        Assert.Equal("李娜", await portal.WithDbAsync(db => db.Set<Rating>().Where(r => r.StepId == windowStep).Select(r => r.StaffName).SingleAsync()));

        // The department finds the work order in its inbox and list, calls back and feeds back.
        using var head = portal.NewBrowser();
        await head.LoginAsync("head.scjg");
        Assert.Contains(order.Number, await head.GetPageAsync("/inbox"), StringComparison.Ordinal);
        var list = await head.GetPageAsync("/supervision/rectifications");
        Assert.Contains(order.Number, list, StringComparison.Ordinal);
        Assert.Contains("2026-11-30", list, StringComparison.Ordinal);
        var empty = await head.SubmitAsync($"/supervision/rectifications/{order.Id}", $"/supervision/rectifications/{order.Id}/feedback", new Dictionary<string, string> { ["callback"] = "已电话回访张伟。", ["rectification"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("已电话回访张伟。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fed = await head.SubmitAsync($"/supervision/rectifications/{order.Id}", $"/supervision/rectifications/{order.Id}/feedback",
            new Dictionary<string, string> { ["callback"] = "已电话回访张伟，情况属实。", ["rectification"] = "审批科座机已设呼叫转移，每日公布办件进度。" });
        Assert.Equal(HttpStatusCode.Redirect, fed.StatusCode);

        // Another department's reviewer cannot see or touch it.
        using var other = portal.NewBrowser();
        await other.LoginAsync("reviewer.mz");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/supervision/rectifications/{order.Id}")).StatusCode);
        Assert.DoesNotContain(order.Number, await other.GetPageAsync("/supervision/rectifications"), StringComparison.Ordinal);

        // The citizen is told and rates the rectification; that closes the work order.
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Key == $"rectification:{order.Id}:fed-back")));
        var page = await zhang.GetPageAsync(Path(done));
        Assert.Contains("审批科座机已设呼叫转移", page, StringComparison.Ordinal);
        var rerated = await zhang.SubmitAsync(Path(done), $"{Path(done)}/rectification/{order.Id}", new Dictionary<string, string> { ["level"] = "2", ["comment"] = "已改进" });
        Assert.Equal(HttpStatusCode.Redirect, rerated.StatusCode);
        var closed = await portal.WithDbAsync(db => db.Set<RectificationOrder>().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(RectificationState.Closed, closed.State);
        Assert.Equal(Satisfaction.Satisfied, closed.Rerating);
        Assert.Equal(HttpStatusCode.Conflict, (await zhang.SubmitAsync(Path(done), $"{Path(done)}/rectification/{order.Id}", new Dictionary<string, string> { ["level"] = "1" })).StatusCode);

        // The county supervisor sees the ratings on the dashboard, per member of staff, and on the case's record.
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Contains("评价 2 条，差评 1 条", await supervisor.GetPageAsync("/supervision"), StringComparison.Ordinal);
        var ratings = await supervisor.GetPageAsync("/supervision/ratings");
        Assert.Matches("data-name=\"陈静\"><td>陈静</td><td>云溪县市场监督管理局</td><td>1</td><td>0</td><td class=\"text-danger\">1</td>", ratings);
        Assert.Contains("审批期间电话无人接听", ratings, StringComparison.Ordinal);
        Assert.Contains("非常不满意", await supervisor.GetPageAsync($"/supervision/cases/{done.Number}"), StringComparison.Ordinal);
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        Assert.DoesNotContain("陈静", await township.GetPageAsync("/supervision/ratings"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/supervision/cases/{done.Number}")).StatusCode);
    }

    [Fact]
    public async Task A_bad_rating_of_a_window_clerk_names_her_hall_on_the_work_order_and_the_average_is_said_in_words()
    {
        var done = await FinishedFoodLicenceAsync();
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var windowStep = await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == done.Id && s.Action == "Accepted").Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.SubmitAsync(Path(done), Path(done),
            new Dictionary<string, string> { ["step"] = windowStep.ToString(System.Globalization.CultureInfo.InvariantCulture), ["level"] = "4", ["comment"] = "窗口排队时间过长。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.SubmitAsync(Path(done), Path(done), new Dictionary<string, string> { ["step"] = "0", ["level"] = "1" })).StatusCode);
        var order = await portal.WithDbAsync(db => db.Set<RectificationOrder>().SingleAsync());
        Assert.Equal("", order.DepartmentName); // 李娜 works for the hall, not for a department

        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        const string office = "data-testid=\"rectification-office\">云溪县政务服务中心<";
        Assert.Contains(office, await supervisor.GetPageAsync($"/supervision/rectifications/{order.Id}"), StringComparison.Ordinal);
        Assert.Contains(office, await supervisor.GetPageAsync("/supervision/rectifications"), StringComparison.Ordinal);

        // 非常满意 (5) and 不满意 (2): 3.5 out of 5, with what is averaged over which period on which scale.
        var ratings = await supervisor.GetPageAsync("/supervision/ratings");
        Assert.Contains("data-testid=\"average-satisfaction\">3.5 分（满分 5 分）<", ratings, StringComparison.Ordinal);
        Assert.Contains("平均满意度是本期（2026-01-01 至 2026-11-23）计入考核的 2 条评价的平均分：非常满意记 5 分", ratings, StringComparison.Ordinal);
        Assert.Contains("3.5 out of 5", await supervisor.GetPageAsync("/supervision/ratings?culture=en"), StringComparison.Ordinal);

        // The dashboard's table per department: the window clerk's rating under the halls, 陈静's under her department.
        var dashboard = await supervisor.GetPageAsync("/supervision");
        Assert.Equal("0.0% (1)", SupervisionScreenTests.TableRow(dashboard, "受理大厅（窗口）")["satisfied"]);
        Assert.Equal("100.0% (1)", SupervisionScreenTests.TableRow(dashboard, "云溪县市场监督管理局")["satisfied"]);
    }

    [Fact]
    public async Task Twenty_identical_posts_record_one_rating_and_one_work_order()
    {
        var done = await FinishedFoodLicenceAsync();
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var form = new Dictionary<string, string> { ["step"] = "0", ["level"] = "4", ["comment"] = "等待时间太长" };
        var page = await zhang.GetPageAsync(Path(done));
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        form["__RequestVerificationToken"] = token;
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(form);
            return await zhang.Client.PostAsync(new Uri(Path(done), UriKind.Relative), content);
        }));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<Rating>().CountAsync(r => r.CaseId == done.Id)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<RectificationOrder>().CountAsync(o => o.CaseId == done.Id)));
    }

    [Fact]
    public async Task The_department_appeals_a_malicious_rating_and_only_a_supervisor_of_the_region_decides()
    {
        var done = await FinishedFoodLicenceAsync();
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        await zhang.SubmitAsync(Path(done), Path(done), new Dictionary<string, string> { ["step"] = "0", ["level"] = "5", ["comment"] = "就是不满意" });
        var order = await portal.WithDbAsync(db => db.Set<RectificationOrder>().SingleAsync(o => o.CaseId == done.Id));

        // Someone else's case: the rating page and the post answer 404.
        using var li = portal.NewBrowser();
        await li.LoginAsync("361131199003150041");
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync(Path(done))).StatusCode);

        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.SubmitAsync($"/supervision/rectifications/{order.Id}", $"/supervision/rectifications/{order.Id}/appeal", new Dictionary<string, string> { ["reason"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/supervision/rectifications/{order.Id}", $"/supervision/rectifications/{order.Id}/appeal",
            new Dictionary<string, string> { ["reason"] = "办件按时办结，评价内容与事实不符，评价人来电表示误操作。" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.SubmitAsync($"/supervision/rectifications/{order.Id}", $"/supervision/rectifications/{order.Id}/appeal-decision",
            new Dictionary<string, string> { ["upheld"] = "true", ["note"] = "自己批准" })).StatusCode);

        // The township supervisor does not see a county case; the county supervisor decides.
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/supervision/rectifications/{order.Id}")).StatusCode);
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Contains(order.Number, await supervisor.GetPageAsync("/inbox"), StringComparison.Ordinal);
        var decided = await supervisor.SubmitAsync($"/supervision/rectifications/{order.Id}", $"/supervision/rectifications/{order.Id}/appeal-decision",
            new Dictionary<string, string> { ["upheld"] = "true", ["note"] = "经核实，评价人确认误评。" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var voided = await portal.WithDbAsync(db => db.Set<RectificationOrder>().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(RectificationState.Voided, voided.State);
        Assert.Equal(AppealState.Upheld, await portal.WithDbAsync(db => db.Set<Rating>().Where(r => r.Id == order.RatingId).Select(r => r.Appeal).SingleAsync()));
        Assert.Contains("不计入考核", await zhang.GetPageAsync(Path(done)), StringComparison.Ordinal);
    }
}
