using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed partial class WindowIntakeTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> Form(params int[] received)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicantName", "王小明"), new("ApplicantIdNumber", "361131200001010016"), new("ContactMobile", "13700137000"),
        };
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

    /// <summary>A one-time notice: 营业执照 (2) not handed in, <paramref name="defect"/> said of the material at form row <paramref name="row"/>.</summary>
    private static List<KeyValuePair<string, string>> NoticeForm(int row, string defect)
    {
        var form = Form(1, 3, 4, 5, 6);
        form.Add(new($"Materials[{row}].Defect", defect));
        form.Add(new("outcome", "supplement"));
        return form;
    }

    [Fact]
    public async Task A_clerk_accepts_a_walk_in_with_every_required_material_and_prints_the_notice()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", Form(1, 2, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await clerk.GetPageAsync(response.Headers.Location!.OriginalString);
        var number = NumberPattern().Match(notice).Groups[1].Value;
        Assert.Equal("3611312026112300001", number); // first case of 2026-11-23 (Asia/Shanghai) in 云溪县
        Assert.Contains("受理通知书", notice, StringComparison.Ordinal);
        Assert.Contains("2026-11-30", notice, StringComparison.Ordinal); // 5 working days after Monday 2026-11-23

        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Number == number));
        Assert.Equal(CaseState.InReview, accepted.State);
        Assert.Equal(1, accepted.Visits);
        Assert.Equal(1, accepted.Channel);
        Assert.NotNull(accepted.HallId);

        using var anyone = portal.NewBrowser();
        Assert.Contains("审批中", await anyone.GetPageAsync($"/status?number={number}&code={accepted.QueryCode}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_material_is_named_and_nothing_is_accepted()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", Form(1, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("必要材料不齐全，不能受理：营业执照", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantIdNumber == "361131200001010016")));
    }

    [Fact]
    public async Task A_wrong_id_number_is_explained_and_nothing_is_accepted()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5, 6);
        CatalogTests.Set(form, "ApplicantIdNumber", "361131200001010017");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Contains("公民身份号码校验位不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantName == "王小明")));
    }

    [Fact]
    public async Task A_clerk_of_another_hall_cannot_open_the_notice_and_citizens_cannot_use_the_window()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", Form(1, 2, 3, 4, 5, 6));
        var noticeUrl = response.Headers.Location!.OriginalString;

        using var other = portal.NewBrowser();
        await other.LoginAsync("clerk.taoyuan");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(noticeUrl)).StatusCode);

        using var citizen = portal.NewBrowser();
        await citizen.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/window")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(noticeUrl)).StatusCode);
    }

    [Fact]
    public async Task A_one_time_notice_lists_every_missing_and_defective_material_and_starts_no_clock()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = NoticeForm(4, "管理制度缺少负责人签字");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await clerk.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("补正材料一次性告知书", notice, StringComparison.Ordinal);
        Assert.Contains("营业执照", notice, StringComparison.Ordinal);
        Assert.Contains("未提交", notice, StringComparison.Ordinal);
        Assert.Contains("管理制度缺少负责人签字", notice, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(notice, "data-testid=\"defect\""));
        // A walk-in applicant without an online account is sent back to a window with the number.
        Assert.Contains("data-testid=\"supplement-next-window\"", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("supplement-next-online", notice, StringComparison.Ordinal);

        var pending = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));
        Assert.Equal(CaseState.SupplementRequested, pending.State);
        Assert.Null(pending.AcceptedAt);
        Assert.Null(pending.PromisedDueDate);
        Assert.Equal(1, pending.Visits);
    }

    [Fact]
    public async Task The_applicant_returns_to_any_window_and_the_same_application_is_accepted_on_the_second_visit()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var first = Form(1, 3, 4, 5, 6);
        first.Add(new("outcome", "supplement"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", first);
        var pending = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));

        using var other = portal.NewBrowser();
        await other.LoginAsync("clerk.taoyuan");
        var page = await other.GetPageAsync($"/window/continue?number={pending.Number}");
        Assert.Contains("继续办理编号", page, StringComparison.Ordinal);
        Assert.Contains("value=\"王小明\"", page, StringComparison.Ordinal);
        // What the clerk typed at the first visit is on the form again (the applicant does not tell it twice).
        Assert.Contains("value=\"云溪县城关镇米粉店\"", page, StringComparison.Ordinal);
        Assert.Equal("云溪县城关镇解放路18号", pending.FormData["operating_address"]);

        var response = await other.SubmitAsync($"/window/continue?number={pending.Number}", $"/window/continue/{pending.Id}", Form(1, 2, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == pending.Id));
        Assert.Equal(CaseState.InReview, accepted.State);
        Assert.Equal(pending.Number, accepted.Number);
        Assert.Equal(2, accepted.Visits);
        Assert.Equal(1, accepted.PromisedVisits); // the guide promises 最多跑一次
        Assert.True(accepted.MoreVisitsThanPromised);
        Assert.Equal(new DateOnly(2026, 11, 30), accepted.PromisedDueDate);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.ApplicantIdNumber == "361131200001010016")));
        Assert.Contains(pending.Number!, await other.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_at_a_window_ticking_what_the_notice_asked_for_is_enough_and_the_timeline_keeps_what_was_wrong()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", NoticeForm(2, "身份证已过有效期"));
        var pending = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));

        // The form shows what the notice said beside each material, not as a defect of this visit.
        var page = await clerk.GetPageAsync($"/window/continue?number={pending.Number}");
        Assert.Contains("一次性告知：身份证已过有效期", page, StringComparison.Ordinal);
        Assert.Matches("id=\"defect-3\" name=\"Materials\\[2\\].Defect\" value=\"\"", page);
        Assert.DoesNotContain("value=\"身份证已过有效期\"", page, StringComparison.Ordinal);

        var response = await clerk.SubmitAsync($"/window/continue?number={pending.Number}", $"/window/continue/{pending.Id}", Form(1, 2, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseState.InReview, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == pending.Id).Select(c => c.State).SingleAsync()));
        Assert.DoesNotContain(await portal.WithDbAsync(db => db.Set<CaseMaterial>().Where(m => m.CaseId == pending.Id).Select(m => m.Defect).ToListAsync()), d => d.Length > 0);
        var steps = await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == pending.Id).OrderBy(s => s.Id).ToListAsync());
        Assert.Contains("居民身份证：身份证已过有效期", steps.Single(s => s.Action == "SupplementRequested").Note, StringComparison.Ordinal);
        Assert.Equal("补正材料已收取：营业执照、居民身份证", steps.Single(s => s.Action == "Accepted").Note);
    }

    [Fact]
    public async Task Continuing_an_unknown_number_says_there_is_nothing_waiting()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var response = await clerk.GetAsync("/window/continue?number=3611312026112399999");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有找到待补正或待补齐容缺材料的办件", await clerk.GetPageAsync("/window"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_notice_with_nothing_missing_is_refused_in_favour_of_acceptance()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5, 6);
        form.Add(new("outcome", "supplement"));

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Contains("无需一次性告知，请直接受理", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantIdNumber == "361131200001010016")));
    }

    [Fact]
    public async Task Not_accepting_needs_a_reason_and_a_legal_basis_and_prints_them_with_the_remedies()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form();
        form.Add(new("outcome", "refuse"));

        var missing = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("请写明不予受理的理由", html, StringComparison.Ordinal);
        Assert.Contains("请写明不予受理的法律依据", html, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantIdNumber == "361131200001010016")));

        form.Add(new("RefusalReason", "申请经营场所位于居民住宅楼内，不符合食品经营场所要求"));
        form.Add(new("RefusalBasis", "《中华人民共和国行政许可法》第三十二条第一款第（二）项"));
        var refused = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var notice = await clerk.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("不予受理通知书", notice, StringComparison.Ordinal);
        Assert.Contains("不符合食品经营场所要求", notice, StringComparison.Ordinal);
        Assert.Contains("行政复议", notice, StringComparison.Ordinal);

        var closed = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));
        Assert.Equal(CaseState.NotAccepted, closed.State);
        Assert.NotNull(closed.ClosedAt);
    }

    [Fact]
    public async Task A_walk_in_with_one_deficiency_allowed_material_missing_is_accepted_and_terminated_when_the_promise_passes()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5); // 从业人员健康证明 (6) may follow later
        form.Add(new("DeficiencyDueDate", "2026-11-27"));
        form.Add(new("outcome", "deficiency"));

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await clerk.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("容缺受理承诺书", notice, StringComparison.Ordinal);
        Assert.Contains("从业人员健康证明", System.Text.RegularExpressions.Regex.Match(notice, "deficiency-commitment.*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value, StringComparison.Ordinal);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));
        Assert.Equal(CaseState.AcceptedWithDeficiency, accepted.State);
        Assert.Equal(new DateOnly(2026, 11, 27), accepted.DeficiencyDueDate);

        // The day after the promised date, the nightly job terminates it; a second run changes nothing.
        portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.FromHours(8)));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencySweepJob>().RunAsync(CancellationToken.None));
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencySweepJob>().RunAsync(CancellationToken.None));
        }

        using var applicant = portal.NewBrowser();
        var status = await applicant.GetPageAsync($"/status?number={accepted.Number}&code={accepted.QueryCode}");
        Assert.Contains("已终止", status, StringComparison.Ordinal);
        Assert.Contains("容缺材料未在承诺日期（2026-11-27）前补齐", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applicant_is_reminded_once_the_day_before_and_supplies_the_missing_material_online()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5);
        form.RemoveAll(f => f.Key is "ApplicantName" or "ApplicantIdNumber");
        form.Add(new("ApplicantName", "张伟"));
        form.Add(new("ApplicantIdNumber", Demo.CitizenId)); // a registered citizen: the case is on their My cases
        form.Add(new("DeficiencyDueDate", "2026-11-27"));
        form.Add(new("outcome", "deficiency"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == Demo.CitizenId && c.State == CaseState.AcceptedWithDeficiency));

        async Task<int> RemindAsync()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencyReminderJob>().RunAsync(CancellationToken.None);
        }

        portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8))); // due in three working days: too early
        Assert.Equal(0, await RemindAsync());
        portal.Clock.Set(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(8))); // due tomorrow
        var runs = await Task.WhenAll(RemindAsync(), RemindAsync(), RemindAsync());
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await RemindAsync());
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<CaseStep>().CountAsync(s => s.CaseId == accepted.Id && s.Action == "DeficiencyReminder")));

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var mine = await zhang.GetPageAsync($"/my/cases/{accepted.Number}");
        Assert.Contains("容缺补齐提醒", mine, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"todo\"", mine, StringComparison.Ordinal);
        Assert.Contains("从业人员健康证明", mine, StringComparison.Ordinal);

        var sent = await zhang.PostMultipartAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/supplement", [], [TestFile.Pdf("material-6", "健康证明.pdf")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(CaseState.InReview, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));

        // Supplied in time: the nightly termination leaves it alone.
        portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.FromHours(8)));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencySweepJob>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_promised_material_handed_in_at_another_window_makes_a_plain_acceptance_with_one_more_visit()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5);
        form.Add(new("DeficiencyDueDate", "2026-11-27"));
        form.Add(new("outcome", "deficiency"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));

        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        var page = await township.GetPageAsync($"/window/continue?number={accepted.Number}");
        Assert.Contains("data-testid=\"deficiency-supply\"", page, StringComparison.Ordinal);
        Assert.Contains("从业人员健康证明", page, StringComparison.Ordinal);

        var nothingTicked = await township.SubmitAsync($"/window/continue?number={accepted.Number}", $"/window/deficiency/{accepted.Number}", []);
        Assert.Equal(HttpStatusCode.BadRequest, nothingTicked.StatusCode);
        Assert.Contains("还缺少：从业人员健康证明", await nothingTicked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await township.SubmitAsync($"/window/continue?number={accepted.Number}", $"/window/deficiency/{accepted.Number}", [new("supplied", "6")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Equal(CaseState.InReview, after.State);
        Assert.Equal(2, after.Visits);
    }

    [Fact]
    public async Task The_clerk_finds_a_registered_applicant_by_id_number_and_opens_an_account_for_a_new_one()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var found = await clerk.GetPageAsync($"/window/intake/{FoodLicence}?id={Demo.CitizenId}");
        Assert.Contains("已注册用户", found, StringComparison.Ordinal);
        Assert.Contains("value=\"张伟\"", found, StringComparison.Ordinal);
        Assert.Contains("value=\"13800138000\"", found, StringComparison.Ordinal);
        Assert.Contains("校验位不正确", await clerk.GetPageAsync($"/window/intake/{FoodLicence}?id=361131200001010017"), StringComparison.Ordinal);
        Assert.Contains("尚未注册", await clerk.GetPageAsync($"/window/intake/{FoodLicence}?id=361131200001010016"), StringComparison.Ordinal);

        var form = Form(1, 2, 3, 4, 5, 6);
        form.Add(new("RegisterApplicant", "true"));
        form.Add(new("outcome", "accept"));
        var accepted = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("data-testid=\"online-account\"", await clerk.GetPageAsync(accepted.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var account = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.IdNumber == "361131200001010016"));
        Assert.Null(account.PasswordHash);

        // Without a password nobody signs in; the applicant sets one with the same ID number, name and mobile.
        using var wang = portal.NewBrowser();
        var registered = await wang.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["RealName"] = "王小明", ["IdNumber"] = "361131200001010016", ["Mobile"] = "13700137000",
            ["Password"] = "Xiaoming2026", ["ConfirmPassword"] = "Xiaoming2026", ["AcceptTerms"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var number = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.ApplicantIdNumber == "361131200001010016").Select(c => c.Number).SingleAsync());
        Assert.Contains(number!, await wang.GetPageAsync("/my/cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deficiency_job_leaves_cases_whose_promise_has_not_passed()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5);
        form.Add(new("DeficiencyDueDate", "2026-11-27"));
        form.Add(new("outcome", "deficiency"));
        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        portal.Clock.Set(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.FromHours(8)));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencySweepJob>().RunAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(new[] { 1, 3, 4, 5 }, "2026-11-27", "以下必要材料不可容缺，不能容缺受理：营业执照")]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, "2026-11-27", "没有暂缺的材料，请直接受理")]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, "2026-12-15", "承诺补齐日期应在 2026-11-24 至 2026-11-30")]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, "", "承诺补齐日期应在")]
    public async Task A_deficient_acceptance_outside_the_rules_is_explained_and_stores_nothing(int[] received, string due, string message)
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(received);
        form.Add(new("DeficiencyDueDate", due));
        form.Add(new("outcome", "deficiency"));

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantIdNumber == "361131200001010016")));
    }

    [Fact]
    public async Task A_defective_required_material_blocks_acceptance()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = Form(1, 2, 3, 4, 5, 6);
        form.Add(new("Materials[2].Defect", "身份证已过有效期"));

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);

        Assert.Contains("必要材料不齐全，不能受理：居民身份证", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"case-number\">(\\d+)<")]
    private static partial Regex NumberPattern();
}
