using System.Globalization;
using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>
/// The applicant is told of every step of their case, in their inbox and by a text message of one SMS carrying the
/// case number, in their own language — whoever's request caused it.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class ApplicantNoticeTests(PortalFactory portal) : IAsyncLifetime
{
    private const string LiMobile = IntakeHttp.CitizenBMobile;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> AllMaterials(string name, string idNumber, string mobile, string outcome)
    {
        var form = new Dictionary<string, string> { ["ApplicantName"] = name, ["ApplicantIdNumber"] = idNumber, ["ContactMobile"] = mobile, ["outcome"] = outcome };
        for (var i = 0; i < 6; i++)
        {
            form[$"Materials[{i}].Position"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            form[$"Materials[{i}].Received"] = "true";
        }

        return form;
    }

    private Task<List<InboxMessage>> InboxAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.Contains(caseId.ToString())).OrderBy(m => m.Id).ToListAsync());

    private Task<List<OutboxMessage>> TextsAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.Contains(caseId.ToString())).OrderBy(m => m.Id).ToListAsync());

    private static void EachIsOneSmsWithTheNumber(IReadOnlyList<OutboxMessage> texts, string mobile, string number)
    {
        Assert.All(texts, t =>
        {
            Assert.Equal(mobile, t.Recipient);
            Assert.Equal(OutboxChannel.Sms, t.Channel);
            Assert.StartsWith(TextMessages.Signature, t.Body, StringComparison.Ordinal);
            Assert.True(t.Body.Length <= TextMessages.MaxLength, $"{t.Body.Length} characters: {t.Body}");
            Assert.Contains(number, t.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_online_applicant_is_told_every_step_from_the_supplement_to_the_electronic_delivery_in_order()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var application = await IntakeHttp.SubmitOnlineAsync(portal, zhang, Demo.CitizenMobile, "热食类食品制售");
        await IntakeHttp.RequestSupplementAsync(portal, clerk, application.Id, missingPosition: 2);
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.PostMultipartAsync($"/my/cases/{application.Number}", $"/my/cases/{application.Number}/supplement", [], [TestFile.Pdf("material-2", "平面图.pdf")])).StatusCode);
        var accepted = await clerk.SubmitAsync($"/window/prereview/{application.Id}", $"/window/prereview/{application.Id}", AllMaterials(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, "accept"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await ReviewJourney.ApproveAsync(portal, application.Id);
        var delivered = await clerk.SubmitAsync("/window/delivery", $"/window/delivery/{application.Id}", new Dictionary<string, string> { ["method"] = "Electronic" });
        Assert.Equal(HttpStatusCode.Redirect, delivered.StatusCode);

        var done = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == application.Id));
        var everything = await InboxAsync(application.Id);
        var submitted = everything[0];
        Assert.Equal($"申请 {application.Number} 已提交", submitted.Title);
        Assert.Contains(application.QueryCode, submitted.Body, StringComparison.Ordinal);
        var inbox = everything.Skip(1).ToList();
        Assert.Equal(
            [
                $"办件 {application.Number} 需要补正材料（一次性告知）",
                $"办件 {application.Number} 已受理",
                $"办件 {application.Number} 准予许可",
                $"办件 {application.Number} 电子证照已签发",
                $"办件 {application.Number} 已办结",
            ],
            inbox.Select(m => m.Title));
        Assert.All(inbox, m => Assert.Equal(done.ApplicantUserId, m.UserId));
        Assert.Contains("未提交", inbox[0].Body, StringComparison.Ordinal); // what the one-time notice asks for
        Assert.Contains(application.QueryCode, inbox[1].Body, StringComparison.Ordinal);
        Assert.Contains(done.PromisedDueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), inbox[1].Body, StringComparison.Ordinal);
        Assert.Contains(done.DecisionNumber!, inbox[2].Body, StringComparison.Ordinal);
        Assert.Contains("云溪县政务服务中心", inbox[2].Body, StringComparison.Ordinal); // where the result waits
        var licence = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Certificates.Domain.Licence>().SingleAsync(l => l.CaseId == application.Id));
        Assert.Contains(licence.Number, inbox[3].Body, StringComparison.Ordinal);
        Assert.Contains("电子送达", inbox[4].Body, StringComparison.Ordinal);
        Assert.Equal($"/my/cases/{application.Number}/notices/decision", inbox[2].Link);

        var allTexts = await TextsAsync(application.Id);
        Assert.Equal(everything.Select(m => m.Key), allTexts.Select(t => t.Key));
        EachIsOneSmsWithTheNumber(allTexts, Demo.CitizenMobile, application.Number);
        Assert.Contains($"查询码{application.QueryCode}", allTexts[0].Body, StringComparison.Ordinal);
        var texts = allTexts.Skip(1).ToList();
        Assert.Contains($"查询码{application.QueryCode}", texts[1].Body, StringComparison.Ordinal);

        // The citizen reads them in the inbox.
        var page = await zhang.GetPageAsync("/inbox");
        Assert.Contains($"办件 {application.Number} 准予许可", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_who_chose_english_is_told_in_english_though_the_clerk_works_in_chinese()
    {
        using var li = portal.NewBrowser();
        await li.LoginAsync(LiMobile);
        Assert.Equal(HttpStatusCode.Redirect, (await li.GetAsync("/language?culture=en&returnUrl=/")).StatusCode); // chosen while signed in

        var application = await IntakeHttp.SubmitOnlineAsync(portal, li, LiMobile, "热食类食品制售");
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Contains("受理", await clerk.GetPageAsync($"/window/prereview/{application.Id}"), StringComparison.Ordinal); // the clerk's page is Chinese
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync($"/window/prereview/{application.Id}", $"/window/prereview/{application.Id}", AllMaterials("李秀英", IntakeHttp.CitizenB, LiMobile, "accept"))).StatusCode);
        await ReviewJourney.ApproveAsync(portal, application.Id);
        var posted = await clerk.SubmitAsync("/window/delivery", $"/window/delivery/{application.Id}", new Dictionary<string, string>
        {
            ["method"] = "Courier", ["courier"] = "顺丰速运", ["tracking"] = "SF1234567890123", ["recipient"] = "李秀英", ["address"] = "云溪县城关镇人民大道12号",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var inbox = await InboxAsync(application.Id);
        Assert.Equal(
            [$"Application {application.Number} submitted", $"Case {application.Number} accepted", $"Case {application.Number}: licence granted", $"Case {application.Number}: e-licence issued", $"Case {application.Number} completed"],
            inbox.Select(m => m.Title));
        Assert.Contains("SF1234567890123", inbox[4].Body, StringComparison.Ordinal);
        var texts = await TextsAsync(application.Id);
        EachIsOneSmsWithTheNumber(texts, LiMobile, application.Number);
        Assert.Equal($"{TextMessages.Signature}Application {application.Number} submitted; code {application.QueryCode}", texts[0].Body);
        Assert.StartsWith($"{TextMessages.Signature}Case {application.Number} accepted: code {application.QueryCode}", texts[1].Body, StringComparison.Ordinal);
        Assert.Equal($"{TextMessages.Signature}Case {application.Number} posted: 顺丰速运 SF1234567890123", texts[^1].Body);
    }

    [Fact]
    public async Task The_account_keeps_the_language_of_the_registration_then_the_one_last_chosen_while_signed_in()
    {
        using var browser = portal.NewBrowser();
        await browser.GetAsync("/language?culture=en&returnUrl=/account/register");
        var registered = await browser.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["RealName"] = "王小明", ["IdNumber"] = IntakeHttp.WalkInId, ["Mobile"] = "13700137000",
            ["Password"] = "Yunxi2026pass", ["ConfirmPassword"] = "Yunxi2026pass", ["AcceptTerms"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Task<string> CultureAsync() => portal.WithDbAsync(db => db.Users.Where(u => u.IdNumber == IntakeHttp.WalkInId).Select(u => u.PreferredCulture).SingleAsync());
        Assert.Equal("en", await CultureAsync());

        await browser.GetAsync("/language?culture=zh-CN&returnUrl=/");
        Assert.Equal("zh-CN", await CultureAsync());

        // Someone else choosing a language on this machine after signing out changes nothing of the account.
        await browser.SubmitAsync("/", "/account/logout", []);
        await browser.GetAsync("/language?culture=en&returnUrl=/");
        Assert.Equal("zh-CN", await CultureAsync());
    }

    [Fact]
    public async Task A_walk_in_without_an_account_gets_text_messages_in_chinese_whatever_the_clerks_language()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        await clerk.GetAsync("/language?culture=en&returnUrl=/window");
        var walkIn = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6));

        Assert.Empty(await InboxAsync(walkIn.Id));
        var text = Assert.Single(await TextsAsync(walkIn.Id));
        Assert.Equal("13700137000", text.Recipient);
        Assert.StartsWith($"{TextMessages.Signature}您的办件{walkIn.Number}已受理，查询码{walkIn.QueryCode}", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pauses_and_their_ends_and_an_extension_are_told_with_the_date_the_case_is_now_promised_for()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var accepted = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));
        var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == accepted.Id && t.Stage == 1));
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
        async Task ActAsync(string verb, Dictionary<string, string> fields) =>
            Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/{verb}", fields)).StatusCode);

        await ActAsync("supplement", new() { ["Defects[2]"] = "营业执照复印件不清晰" });
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.PostMultipartAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/supplement", [], [TestFile.Pdf("material-2", "营业执照.pdf")])).StatusCode);
        await ActAsync("special", new() { ["ProcedureType"] = "现场核查", ["Days"] = "3", ["Opinion"] = "核查后厨布局" });
        await ActAsync("special-end", new() { ["Opinion"] = "后厨布局符合要求" });
        await ActAsync("extension", new() { ["Days"] = "5", ["Opinion"] = "需补充核查排烟设施" });
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var request = await portal.WithDbAsync(db => db.Set<ClockSegmentRecord>().SingleAsync(s => s.CaseId == accepted.Id && s.State == SegmentState.Requested));
        Assert.Equal(HttpStatusCode.Redirect, (await chief.SubmitAsync("/window/extensions", $"/window/extensions/{request.Id}", new Dictionary<string, string> { ["decision"] = "grant" })).StatusCode);

        var promised = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.PromisedDueDate!.Value).SingleAsync());
        var inbox = await InboxAsync(accepted.Id);
        Assert.Equal(
            [
                $"办件 {accepted.Number} 已受理",
                $"办件 {accepted.Number} 需要补正材料",
                $"办件 {accepted.Number} 补正材料已收到",
                $"办件 {accepted.Number} 进入特别程序",
                $"办件 {accepted.Number} 特别程序已结束",
                $"办件 {accepted.Number} 延长审批期限",
            ],
            inbox.Select(m => m.Title));
        Assert.Contains("营业执照复印件不清晰", inbox[1].Body, StringComparison.Ordinal);
        Assert.Contains("现场核查", inbox[3].Body, StringComparison.Ordinal);
        Assert.Contains(promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), inbox[5].Body, StringComparison.Ordinal);
        var texts = await TextsAsync(accepted.Id);
        Assert.Equal(6, texts.Count);
        EachIsOneSmsWithTheNumber(texts, Demo.CitizenMobile, accepted.Number);
        Assert.EndsWith($"办结日期调整为{promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}。", texts[5].Body, StringComparison.Ordinal);
    }
}
