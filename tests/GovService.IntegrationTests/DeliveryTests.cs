using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>统一窗口出件: the result of a township case decided by a county department waits at the township window.</summary>
[Collection(PortalTests.Name)]
public sealed class DeliveryTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A food licence accepted at the 桃源 township hall for 张伟 and approved by the county 市场监管局.</summary>
    private async Task<Case> DecidedAtTownshipAsync()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk.taoyuan");
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept") };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        await clerk.SubmitAsync("/window/intake/000104004000", "/window/intake/000104004000", form);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == "000104004000"));
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        foreach (var stage in new[] { 1, 2 })
        {
            var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == accepted.Id && t.Stage == stage));
            await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
            await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/{(stage == 1 ? "pass" : "decide")}", new Dictionary<string, string> { ["Opinion"] = "符合条件", ["Decision"] = "approve" });
        }

        return await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
    }

    [Fact]
    public async Task The_township_clerk_hands_the_licence_over_after_checking_the_identity()
    {
        var decided = await DecidedAtTownshipAsync();
        Assert.Equal(CaseState.AwaitingDelivery, decided.State);

        using var county = portal.NewBrowser();
        await county.LoginAsync("clerk");
        Assert.DoesNotContain(decided.Number!, await county.GetPageAsync("/window/delivery"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await county.SubmitAsync("/window/delivery", $"/window/delivery/{decided.Id}", new Dictionary<string, string> { ["method"] = "Pickup", ["recipient"] = "张伟", ["recipientId"] = Demo.CitizenId })).StatusCode);

        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        var list = await township.GetPageAsync("/window/delivery");
        Assert.Contains(decided.Number!, list, StringComparison.Ordinal);
        Assert.Contains("食品经营许可证", list, StringComparison.Ordinal);

        var stranger = await township.SubmitAsync("/window/delivery", $"/window/delivery/{decided.Id}", new Dictionary<string, string> { ["method"] = "Pickup", ["recipient"] = "王小明", ["recipientId"] = "361131200001010016" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("须核验申请人的委托书", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var handed = await township.SubmitAsync("/window/delivery", $"/window/delivery/{decided.Id}", new Dictionary<string, string> { ["method"] = "Pickup", ["recipient"] = "张伟", ["recipientId"] = Demo.CitizenId });
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        var done = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == decided.Id));
        Assert.Equal(CaseState.Completed, done.State);
        Assert.Equal(DeliveryMethod.Pickup, done.DeliveryMethod);
        Assert.Equal(Demo.CitizenId, done.DeliveryRecipientId);
    }

    [Fact]
    public async Task A_courier_delivery_records_carrier_tracking_number_and_recipient_and_the_ten_day_clock_is_watched()
    {
        var decided = await DecidedAtTownshipAsync();
        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");

        var missing = await township.SubmitAsync("/window/delivery", $"/window/delivery/{decided.Id}", new Dictionary<string, string> { ["method"] = "Courier", ["courier"] = "EMS" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        portal.Clock.Set(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8))); // 11 working days after 11-23
        using var later = portal.NewBrowser();
        await later.LoginAsync("clerk.taoyuan");
        Assert.Contains("data-testid=\"delivery-overdue\"", await later.GetPageAsync("/window/delivery"), StringComparison.Ordinal);

        var sent = await later.SubmitAsync("/window/delivery", $"/window/delivery/{decided.Id}", new Dictionary<string, string>
        {
            ["method"] = "Courier", ["courier"] = "EMS", ["tracking"] = "1180543219876", ["recipient"] = "张伟", ["address"] = "云溪县桃源乡桃源村3组12号",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var done = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == decided.Id));
        Assert.Equal(("EMS", "1180543219876", CaseState.Completed), (done.CourierCompany, done.TrackingNumber, done.State));

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Contains("1180543219876", await zhang.GetPageAsync($"/my/cases/{decided.Number}"), StringComparison.Ordinal);
    }
}
