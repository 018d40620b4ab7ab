using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>投诉: filed by a citizen about their case or a hall, routed, answered by its date, watched by the sweep.</summary>
[Collection(PortalTests.Name)]
public sealed class ComplaintTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Case> AcceptedFoodLicenceAsync()
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
        return await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == FoodLicence));
    }

    [Fact]
    public async Task A_complaint_about_a_case_goes_to_the_department_handling_it_and_an_overdue_one_reaches_the_supervisor_once()
    {
        var accepted = await AcceptedFoodLicenceAsync();
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Contains(accepted.Number!, await zhang.GetPageAsync("/my/complaints"), StringComparison.Ordinal);

        // Nothing chosen, nothing written: refused in Chinese, what was typed is kept.
        var bad = await zhang.SubmitAsync("/my/complaints", "/my/complaints", new Dictionary<string, string> { ["Subject"] = "", ["Title"] = "窗口态度差", ["Content"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写投诉标题", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"窗口态度差\"", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await zhang.SubmitAsync("/my/complaints", "/my/complaints", new Dictionary<string, string> { ["Subject"] = "case:20990101000001", ["Title"] = "x", ["Content"] = "y" })).StatusCode);

        var filed = await zhang.SubmitAsync("/my/complaints", "/my/complaints", new Dictionary<string, string>
        {
            ["Subject"] = $"case:{accepted.Number}", ["Title"] = "审批进度查询无人答复", ["Content"] = "连续三天拨打审批科电话无人接听。",
        });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var complaint = await portal.WithDbAsync(db => db.Set<Complaint>().SingleAsync());
        Assert.Equal("云溪县市场监督管理局", complaint.DepartmentName);
        Assert.Equal(accepted.Number, complaint.CaseNumber);
        Assert.Equal(new DateOnly(2026, 11, 30), complaint.DueOn);
        Assert.StartsWith("TS20261123", complaint.Number, StringComparison.Ordinal);

        // Another department does not see it; the township supervisor neither.
        using var mz = portal.NewBrowser();
        await mz.LoginAsync("reviewer.mz");
        Assert.Equal(HttpStatusCode.NotFound, (await mz.GetAsync($"/supervision/complaints/{complaint.Id}")).StatusCode);
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        Assert.DoesNotContain(complaint.Number, await township.GetPageAsync("/supervision/complaints"), StringComparison.Ordinal);

        // Past its date without an answer: the sweep tells the county supervisor, once however often it runs.
        portal.Clock.Set(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        for (var i = 0; i < 2; i++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(new DateOnly(2026, 12, 1), CancellationToken.None);
        }

        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Key == $"complaint:{complaint.Id}:overdue")));
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Contains("超期 1 天", await supervisor.GetPageAsync("/supervision/complaints"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.SubmitAsync($"/supervision/complaints/{complaint.Id}", $"/supervision/complaints/{complaint.Id}/answer", new Dictionary<string, string> { ["answer"] = "代答" })).StatusCode);

        // The department answers; the citizen reads it.
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.SubmitAsync($"/supervision/complaints/{complaint.Id}", $"/supervision/complaints/{complaint.Id}/answer", new Dictionary<string, string> { ["answer"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/supervision/complaints/{complaint.Id}", $"/supervision/complaints/{complaint.Id}/answer",
            new Dictionary<string, string> { ["answer"] = "已核实，审批科电话已设专人值守，并已电话告知办理进度。" })).StatusCode);
        using var again = portal.NewBrowser(); // a week later: signed in anew
        await again.LoginAsync(Demo.CitizenId);
        Assert.Contains("审批科电话已设专人值守", await again.GetPageAsync("/my/complaints"), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Key == $"complaint:{complaint.Id}:answered")));
    }

    [Fact]
    public async Task A_complaint_about_a_hall_goes_to_that_halls_staff()
    {
        var taoyuan = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM gov.org_halls WHERE name LIKE '桃源%'").FirstAsync());
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.SubmitAsync("/my/complaints", "/my/complaints", new Dictionary<string, string>
        {
            ["Subject"] = $"hall:{taoyuan}", ["Title"] = "便民服务中心午间无人值守", ["Content"] = "中午 12 点到窗口办事无人。", ["Respondent"] = "",
        })).StatusCode);
        var complaint = await portal.WithDbAsync(db => db.Set<Complaint>().SingleAsync());
        Assert.Null(complaint.DepartmentId);
        Assert.Equal(taoyuan, complaint.HallId);

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk.taoyuan");
        Assert.Contains(complaint.Number, await clerk.GetPageAsync("/supervision/complaints"), StringComparison.Ordinal);
        using var county = portal.NewBrowser();
        await county.LoginAsync("clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/supervision/complaints/{complaint.Id}")).StatusCode);
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        Assert.Contains(complaint.Number, await township.GetPageAsync("/supervision/complaints"), StringComparison.Ordinal);
    }
}
