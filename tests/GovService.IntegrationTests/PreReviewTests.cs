using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class PreReviewTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Case> SubmitOnlineAsync()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var page = await zhang.GetPageAsync($"/apply/{FoodLicence}");
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"ApplicationKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var response = await zhang.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", new Dictionary<string, string>
        {
            ["ApplicationKey"] = key, ["ContactMobile"] = Demo.CitizenMobile, ["action"] = "submit",
            ["Fields[operator_name]"] = "云溪县城关镇张记米粉店", ["Fields[operator_code]"] = Demo.CitizenId, ["Fields[operating_address]"] = "云溪县城关镇人民大道126号",
            ["Fields[business_format]"] = "餐饮服务经营者", ["Fields[operating_items]"] = "热食类食品制售", ["Fields[operating_area]"] = "86",
            ["Fields[safety_manager]"] = "张伟", ["Fields[online_sales]"] = "false",
        }, OnlineApplicationTests.RequiredScans());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == Guid.Parse(key)));
    }

    private static Dictionary<string, string> AllMaterials(string outcome)
    {
        var form = new Dictionary<string, string> { ["ApplicantName"] = "张伟", ["ApplicantIdNumber"] = Demo.CitizenId, ["ContactMobile"] = Demo.CitizenMobile, ["outcome"] = outcome };
        for (var i = 0; i < 6; i++)
        {
            form[$"Materials[{i}].Position"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Materials[{i}].Received"] = "true";
        }

        return form;
    }

    [Fact]
    public async Task An_online_application_reaches_the_responsible_hall_and_is_accepted_there_without_a_visit()
    {
        var application = await SubmitOnlineAsync();

        using var other = portal.NewBrowser();
        await other.LoginAsync("clerk.taoyuan");
        Assert.DoesNotContain(application.Number!, await other.GetPageAsync("/window/prereview"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/window/prereview/{application.Id}")).StatusCode);

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Contains(application.Number!, await clerk.GetPageAsync("/window/prereview"), StringComparison.Ordinal);

        var decided = await clerk.SubmitAsync($"/window/prereview/{application.Id}", $"/window/prereview/{application.Id}", AllMaterials("accept"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("受理通知书", await clerk.GetPageAsync(decided.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var accepted = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == application.Id));
        Assert.Equal(CaseState.InReview, accepted.State);
        Assert.Equal(0, accepted.Visits);
        Assert.Equal(application.Number, accepted.Number);
        Assert.Equal(new DateOnly(2026, 11, 30), accepted.PromisedDueDate);
    }

    [Fact]
    public async Task Pre_review_can_send_a_one_time_notice_and_the_citizen_sees_what_to_supply()
    {
        var application = await SubmitOnlineAsync();
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = AllMaterials("supplement");
        form.Remove("Materials[1].Received");

        var decided = await clerk.SubmitAsync($"/window/prereview/{application.Id}", $"/window/prereview/{application.Id}", form);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(CaseState.SupplementRequested, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == application.Id).Select(c => c.State).SingleAsync()));
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Contains("需补正：未提交", await zhang.GetPageAsync($"/my/cases/{application.Number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_citizen_uploads_the_supplement_online_and_the_clerk_accepts_and_the_citizen_sees_the_notice()
    {
        var application = await SubmitOnlineAsync();
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Contains("data-testid=\"uploaded-2\"", await clerk.GetPageAsync($"/window/prereview/{application.Id}"), StringComparison.Ordinal);
        var form = AllMaterials("supplement");
        form["Materials[1].Defect"] = "营业场所平面图未标注面积";
        await clerk.SubmitAsync($"/window/prereview/{application.Id}", $"/window/prereview/{application.Id}", form);

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var mine = await zhang.GetPageAsync($"/my/cases/{application.Number}");
        Assert.Contains("营业场所平面图未标注面积", mine, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notice-supplement\"", mine, StringComparison.Ordinal);
        var supplementNotice = await zhang.GetPageAsync($"/my/cases/{application.Number}/notices/supplement");
        Assert.Contains("营业场所平面图未标注面积", supplementNotice, StringComparison.Ordinal);
        // Applied online: the notice sends the citizen to My cases, not to a window (最多跑一次).
        Assert.Contains("data-testid=\"supplement-next-online\"", supplementNotice, StringComparison.Ordinal);
        Assert.Contains("“我的办件”中找到编号", supplementNotice, StringComparison.Ordinal);
        Assert.DoesNotContain("supplement-next-window", supplementNotice, StringComparison.Ordinal);

        // A file for a material that was not asked for is ignored; the asked-for one is stored and the application goes back.
        var sent = await zhang.PostMultipartAsync($"/my/cases/{application.Number}", $"/my/cases/{application.Number}/supplement", [], [TestFile.Png("material-2", "平面图.png"), TestFile.Pdf("material-3")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var files = await portal.WithDbAsync(db => db.Set<CaseFile>().Where(f => f.CaseId == application.Id && f.Position == 2).OrderBy(f => f.UploadedAt).ToListAsync());
        Assert.Equal(2, files.Count);
        Assert.NotNull(files[0].ReplacedAt);
        Assert.Equal("image/png", files[1].ContentType);
        Assert.Equal(CaseState.Submitted, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == application.Id).Select(c => c.State).SingleAsync()));
        Assert.Contains(application.Number!, await clerk.GetPageAsync("/window/prereview"), StringComparison.Ordinal);

        var accepted = await clerk.SubmitAsync($"/window/prereview/{application.Id}", $"/window/prereview/{application.Id}", AllMaterials("accept"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var page = await zhang.GetPageAsync($"/my/cases/{application.Number}");
        Assert.Contains("2026-11-30", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"due-explained\"", page, StringComparison.Ordinal);
        Assert.Contains("0793-", page, StringComparison.Ordinal); // the clerk's office phone on the timeline
        var notice = await zhang.GetPageAsync($"/my/cases/{application.Number}/notices/acceptance");
        Assert.Contains("受理通知书", notice, StringComparison.Ordinal);
        Assert.Contains(application.QueryCode, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_waiting_more_than_five_working_days_is_flagged()
    {
        var application = await SubmitOnlineAsync(); // Monday 2026-11-23

        // A new day, a new sign-in (the sliding session of the day before has expired).
        portal.Clock.Set(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8))); // 5 working days later
        using (var monday = portal.NewBrowser())
        {
            await monday.LoginAsync("clerk");
            Assert.DoesNotContain("data-testid=\"overdue\"", await monday.GetPageAsync("/window/prereview"), StringComparison.Ordinal);
        }

        portal.Clock.Set(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8))); // 6 working days later
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var list = await clerk.GetPageAsync("/window/prereview");
        Assert.Contains("data-testid=\"overdue\"", list, StringComparison.Ordinal);
        Assert.Contains(application.Number!, list, StringComparison.Ordinal);
    }
}
