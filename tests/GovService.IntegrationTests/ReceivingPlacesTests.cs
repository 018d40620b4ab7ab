using System.Globalization;
using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Custody;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>
/// 收受分离 (村代收、乡镇转办、县审批): the village agent files for a villager under a signed mandate, the township window
/// receives the case, the county department decides it, the paper originals travel to the department's archive and the
/// result back to the village station, where it is handed over; the villager's timeline shows each hand-over.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class ReceivingPlacesTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Pension = "002005001000";
    private const string Villager = "李秀英";
    private const string VillagerId = IntakeHttp.CitizenB;
    private const string VillagerMobile = IntakeHttp.CitizenBMobile;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SignMandateAsync(Browser agent, bool mayReceive)
    {
        var today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("CitizenName", Villager), new("CitizenIdNumber", VillagerId), new("CitizenMobile", VillagerMobile), new("Scope", "Item"), new("ScopeCode", Pension),
            new("StartsOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("ExpiresOn", today.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (mayReceive)
        {
            fields.Add(new("MayReceiveResult", "true"));
        }

        var signed = await agent.PostMultipartAsync("/agent/mandates/new", "/agent/mandates/new", fields, [TestFile.Pdf("SignedScan", "授权委托书.pdf")]);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
    }

    private Task<Case> AgentFilesAsync(Browser agent) => AgentFilesPensionAsync(portal, agent, Villager, VillagerId, VillagerMobile);

    /// <summary>The agent files 城乡居民基本养老保险参保登记 online for a villager who mandated them (the form's three scans).</summary>
    internal static async Task<Case> AgentFilesPensionAsync(PortalFactory portal, Browser agent, string name, string idNumber, string mobile)
    {
        var key = IntakeHttp.KeyOf(await agent.GetPageAsync($"/apply/{Pension}"));
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicationKey", key.ToString()), new("ContactMobile", mobile), new("action", "submit"),
            new("ApplicantName", name), new("ApplicantIdNumber", idNumber),
            new("Fields[identity_type]", "普通参保人员"), new("Fields[payment_grade]", "每年1000元"), new("Fields[has_social_security_card]", "false"),
        };
        var filed = await agent.PostMultipartAsync($"/apply/{Pension}", $"/apply/{Pension}", form, Enumerable.Range(1, 3).Select(n => TestFile.Pdf($"material-{n}", $"材料{n}.pdf")));
        Assert.True(filed.StatusCode == HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        return await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == key));
    }

    private static Dictionary<string, string> PreReviewAccept() => PreReviewAccept(Villager, VillagerId, VillagerMobile);

    /// <summary>The township clerk's 受理 of the pension registration at pre-review, every material received.</summary>
    internal static Dictionary<string, string> PreReviewAccept(string name, string idNumber, string mobile)
    {
        var form = new Dictionary<string, string> { ["ApplicantName"] = name, ["ApplicantIdNumber"] = idNumber, ["ContactMobile"] = mobile, ["outcome"] = "accept" };
        for (var i = 0; i < 3; i++)
        {
            form[$"Materials[{i}].Position"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            form[$"Materials[{i}].Received"] = "true";
        }

        return form;
    }

    private Task<Guid> HallAsync(string name) => portal.WithDbAsync(db => db.Set<ServiceHall>().Where(h => h.Name == name).Select(h => h.Id).SingleAsync());

    private Task<CustodyParcel> ParcelAsync(Guid caseId, ParcelKind kind) =>
        portal.WithDbAsync(db => db.Set<CustodyParcel>().AsNoTracking().SingleAsync(p => p.CaseId == caseId && p.Kind == kind));

    [Fact]
    public async Task A_village_agent_files_the_township_receives_the_county_decides_and_the_villager_collects_at_the_station()
    {
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        await SignMandateAsync(agent, mayReceive: true);
        var filed = await AgentFilesAsync(agent);

        // Received by the township window over 桃源村, collected back at the village's station.
        Assert.Equal(CaseState.Submitted, filed.State);
        Assert.Equal(await HallAsync("桃源乡便民服务中心"), filed.HallId);
        Assert.Equal(await HallAsync("桃源村便民服务站"), filed.CollectingHallId);
        Assert.NotEmpty(filed.MandateNumber);

        using var county = portal.NewBrowser();
        await county.LoginAsync("clerk");
        Assert.DoesNotContain(filed.Number!, await county.GetPageAsync("/window/prereview"), StringComparison.Ordinal);

        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        var accepted = await township.SubmitAsync($"/window/prereview/{filed.Id}", $"/window/prereview/{filed.Id}", PreReviewAccept());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // Handed to 人社局 electronically; the signed registration form (not the ID card, given back) waits to be sent.
        var originals = await ParcelAsync(filed.Id, ParcelKind.Originals);
        Assert.Equal(ParcelState.Waiting, originals.State);
        Assert.Contains("城乡居民基本养老保险参保登记表", originals.Contents, StringComparison.Ordinal);
        Assert.DoesNotContain("居民身份证", originals.Contents, StringComparison.Ordinal);
        Assert.Equal("云溪县人力资源和社会保障局", originals.ToName);
        Assert.NotNull(originals.DueOn);

        // A courier without its number is refused beside the field, the typed carrier kept; then sent by internal mail.
        var custody = await township.GetPageAsync("/custody");
        Assert.Contains(filed.Number!, custody, StringComparison.Ordinal);
        var noNumber = await township.SubmitAsync("/custody", $"/custody/{originals.Id}/send", new Dictionary<string, string> { ["carrier"] = "Courier", ["tracking"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNumber.StatusCode);
        var refused = await noNumber.Content.ReadAsStringAsync();
        Assert.Contains("须填写运单号或交换单号", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Courier\" selected", refused, StringComparison.Ordinal);
        var sent = await township.SubmitAsync("/custody", $"/custody/{originals.Id}/send", new Dictionary<string, string> { ["carrier"] = "InternalMail", ["tracking"] = "TY-2026-0117" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // Nobody else signs for it: not the county clerk, not another department's reviewer.
        using var otherReviewer = portal.NewBrowser();
        await otherReviewer.LoginAsync("reviewer.mz");
        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.SubmitAsync("/custody", $"/custody/{originals.Id}/receive", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.SubmitAsync("/custody", $"/custody/{originals.Id}/receive", [])).StatusCode);

        using var rs = portal.NewBrowser();
        await rs.LoginAsync("reviewer.rs");
        Assert.Contains("TY-2026-0117", await rs.GetPageAsync("/custody"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await rs.SubmitAsync("/custody", $"/custody/{originals.Id}/receive", [])).StatusCode);
        var twice = await rs.SubmitAsync("/custody", $"/custody/{originals.Id}/receive", []);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("已由其他人处理", await rs.GetPageAsync("/custody"), StringComparison.Ordinal);
        Assert.Single(await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == filed.Id && s.Action == StepActions.OriginalsReceived).ToListAsync()));

        // The county department decides; the originals go to its archive.
        await ReviewJourney.ApproveAsync(portal, filed.Id, "reviewer.rs");
        Assert.Equal(HttpStatusCode.Redirect, (await rs.SubmitAsync("/custody", $"/custody/{originals.Id}/archive", [])).StatusCode);
        Assert.Equal(ParcelState.Archived, (await ParcelAsync(filed.Id, ParcelKind.Originals)).State);

        // The result waits at the township window to go on to the station, not on its delivery desk.
        Assert.DoesNotContain(filed.Number!, await township.GetPageAsync("/window/delivery"), StringComparison.Ordinal);
        var result = await ParcelAsync(filed.Id, ParcelKind.Result);
        Assert.Equal("桃源村便民服务站", result.ToName);

        // Not handed over before it has arrived.
        var early = await agent.SubmitAsync("/custody", $"/custody/{result.Id}/hand-over", new Dictionary<string, string> { ["recipient"] = Villager, ["recipientId"] = VillagerId });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚未送达本站签收", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await township.SubmitAsync("/custody", $"/custody/{result.Id}/send", new Dictionary<string, string> { ["carrier"] = "ByHand", ["tracking"] = "" })).StatusCode);
        // Two clicks on 签收 at once: one receipt, one step.
        var receipts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => agent.SubmitAsync("/custody", $"/custody/{result.Id}/receive", [])));
        Assert.All(receipts, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == filed.Id && s.Action == StepActions.ResultArrived).ToListAsync()));

        // The villager is told it is at the station (inbox and text message), and collects it there in person.
        Assert.True(await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Notifications.Domain.OutboxMessage>().AnyAsync(m => m.Recipient == VillagerMobile && m.Body.Contains("桃源村便民服务站"))));
        var wrongPerson = await agent.SubmitAsync("/custody", $"/custody/{result.Id}/hand-over", new Dictionary<string, string> { ["recipient"] = "王五", ["recipientId"] = IntakeHttp.WalkInId });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPerson.StatusCode);
        Assert.Contains("value=\"361131200001010016\"", await wrongPerson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var handed = await agent.SubmitAsync("/custody", $"/custody/{result.Id}/hand-over", new Dictionary<string, string> { ["recipient"] = Villager, ["recipientId"] = VillagerId });
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        var done = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == filed.Id));
        Assert.Equal(CaseState.Completed, done.State);
        Assert.Equal(ParcelState.HandedOver, (await ParcelAsync(filed.Id, ParcelKind.Result)).State);

        // Her timeline shows each hand-over and the agent's acts.
        using var li = portal.NewBrowser();
        await li.LoginAsync(VillagerMobile);
        var timeline = await li.GetPageAsync($"/my/cases/{filed.Number}");
        foreach (var text in new[] { "收件后电子移交审批部门", "纸质原件寄出", "纸质原件签收", "纸质原件归档", "办理结果送往领取地", "办理结果已到领取地", "桃源村便民服务站就近领取", "代办员的操作", filed.MandateNumber })
        {
            Assert.Contains(text, timeline, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_agent_collects_only_under_a_mandate_that_allows_it_and_a_window_takes_in_only_what_it_may_receive()
    {
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        await SignMandateAsync(agent, mayReceive: false);
        var filed = await AgentFilesAsync(agent);

        // Without the right to collect, the result stays at the township window that received it.
        Assert.Null(filed.CollectingHallId);
        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        Assert.Equal(HttpStatusCode.Redirect, (await township.SubmitAsync($"/window/prereview/{filed.Id}", $"/window/prereview/{filed.Id}", PreReviewAccept())).StatusCode);
        await ReviewJourney.ApproveAsync(portal, filed.Id, "reviewer.rs");
        Assert.False(await portal.WithDbAsync(db => db.Set<CustodyParcel>().AnyAsync(p => p.CaseId == filed.Id && p.Kind == ParcelKind.Result)));
        Assert.Contains(filed.Number!, await township.GetPageAsync("/window/delivery"), StringComparison.Ordinal);

        // An item the catalog receives at the county centre only: the township window refuses the walk-in, nothing is written.
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE gov.cat_item_versions v SET receiving_places = 1 FROM gov.cat_items i WHERE i.id = v.item_id AND i.basic_code = '002005001000'"));
        var before = await portal.WithDbAsync(db => db.Set<Case>().CountAsync());
        var form = IntakeHttp.WindowForm(Villager, VillagerId, VillagerMobile, 3, 1, 2, 3);
        form.AddRange([new("Fields[identity_type]", "普通参保人员"), new("Fields[payment_grade]", "每年1000元"), new("Fields[has_social_security_card]", "false")]);
        var refused = await township.SubmitAsync($"/window/intake/{Pension}", $"/window/intake/{Pension}", form);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("本窗口不能受理", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{VillagerId}\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Set<Case>().CountAsync()));
    }

    /// <summary>The pension registration the agent files, through the township window, 人社局 and back to the signed-for station: its result parcel.</summary>
    private async Task<(Case Case, Guid Result)> AtStationAsync(Browser agent, Browser township)
    {
        var filed = await AgentFilesAsync(agent);
        Assert.Equal(HttpStatusCode.Redirect, (await township.SubmitAsync($"/window/prereview/{filed.Id}", $"/window/prereview/{filed.Id}", PreReviewAccept())).StatusCode);
        await ReviewJourney.ApproveAsync(portal, filed.Id, "reviewer.rs");
        var result = (await ParcelAsync(filed.Id, ParcelKind.Result)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await township.SubmitAsync("/custody", $"/custody/{result}/send", new Dictionary<string, string> { ["carrier"] = "ByHand" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync("/custody", $"/custody/{result}/receive", [])).StatusCode);
        return (filed, result);
    }

    [Fact]
    public async Task The_agent_collects_for_the_villager_only_while_her_mandate_allows_it()
    {
        using var li = portal.NewBrowser();
        await li.LoginAsync(VillagerMobile);
        var agentUser = await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Name == "赵大伟").Select(s => s.UserId).SingleAsync());
        var today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(HttpStatusCode.Redirect, (await li.SubmitAsync("/my/mandates/new", "/my/mandates/new", new Dictionary<string, string>
        {
            ["Agent"] = agentUser.ToString(), ["Scope"] = "Item", ["ScopeCode"] = Pension, ["MayReceiveResult"] = "true",
            ["StartsOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["ExpiresOn"] = today.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).StatusCode);
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        var first = await AtStationAsync(agent, township);
        var second = await AtStationAsync(agent, township);

        // 委托代领: the agent takes the first result for her (上门送达), logged under the mandate.
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync("/custody", $"/custody/{first.Result}/hand-over", new Dictionary<string, string> { ["byAgent"] = "true" })).StatusCode);
        var collected = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == first.Case.Id));
        Assert.Equal(CaseState.Completed, collected.State);
        Assert.Equal("赵大伟", collected.DeliveryRecipient);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Assistance.Domain.MandateAct>()
            .CountAsync(a => a.CaseId == first.Case.Id && a.Kind == GovService.Web.Modules.Assistance.Domain.MandateActKind.ResultReceived)));

        // She revokes the mandate: the agent may not take the second for her any more; she collects it herself.
        var mandate = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Assistance.Domain.Mandate>().Where(m => m.CitizenIdNumber == VillagerId).Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await li.SubmitAsync($"/my/mandates/{mandate}", $"/my/mandates/{mandate}/revoke", [])).StatusCode);
        var refused = await agent.SubmitAsync("/custody", $"/custody/{second.Result}/hand-over", new Dictionary<string, string> { ["byAgent"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("已撤销对您的委托", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseState.AwaitingDelivery, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == second.Case.Id).Select(c => c.State).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync("/custody", $"/custody/{second.Result}/hand-over", new Dictionary<string, string> { ["recipient"] = Villager, ["recipientId"] = VillagerId })).StatusCode);
    }
}
