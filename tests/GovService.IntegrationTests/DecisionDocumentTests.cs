using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>
/// 准予 / 不予行政许可决定书: an official document with the deciding department, its number and date, the applicant,
/// the item and its legal basis, the licence for a grant and the reasons and remedies for a denial — a printable page
/// and a PDF, for the applicant and the staff of the hall, nobody else.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class DecisionDocumentTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Department = "云溪县市场监督管理局";

    /// <summary>The first line of the food licence's legal basis in the catalog (设定依据).</summary>
    private const string LegalBasis = "《中华人民共和国食品安全法》第三十三条、第三十五条";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> PdfTextAsync(Browser browser, string url, string name)
    {
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(".pdf", GovService.Web.Shared.Files.UploadRules.Detect(pdf)?.Extension); // the portal's own PDFs pass its upload check

        // Paragraphs are wrapped to the page's width: a phrase may run on over a line break.
        return (await PdfText.ReadAsync(pdf, name)).Replace("\n", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_gives_the_applicant_a_numbered_grant_decision_of_the_department_with_the_legal_basis_and_the_licence()
    {
        var (approved, licence) = await LicenceHttp.ApprovedWalkInAsync(portal);
        var decided = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == approved.Id));
        Assert.Matches("^ZY20261123[0-9]{6}$", decided.DecisionNumber);
        Assert.Equal(Department, decided.DecisionIssuer);

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var mine = await zhang.GetPageAsync($"/my/cases/{decided.Number}");
        Assert.Contains("data-testid=\"notice-decision\"", mine, StringComparison.Ordinal);
        Assert.Contains("准予行政许可决定书", mine, StringComparison.Ordinal);

        var page = await zhang.GetPageAsync($"/my/cases/{decided.Number}/notices/decision");
        foreach (var expected in new[] { "准予行政许可决定书", decided.DecisionNumber!, Department, "2026年11月23日", "张伟", decided.ItemName, LegalBasis, "第三十八条第一款", licence.Number, "食品经营许可证" })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("行政复议", page, StringComparison.Ordinal);
        Assert.DoesNotContain("李娜", page, StringComparison.Ordinal); // the clerk who took it in is not the issuing body

        var pdf = await PdfTextAsync(zhang, $"/my/cases/{decided.Number}/notices/decision/pdf", decided.DecisionNumber!);
        foreach (var expected in new[] { "准予行政许可决定书", decided.DecisionNumber!, Department, "2026年11月23日", LegalBasis, licence.Number })
        {
            Assert.Contains(expected, pdf, StringComparison.Ordinal);
        }

        // The hall's clerk prints it from the delivery desk; another hall's clerk and another citizen find nothing.
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Contains($"/window/cases/{decided.Id}/decision", await clerk.GetPageAsync("/window/delivery"), StringComparison.Ordinal);
        Assert.Contains(decided.DecisionNumber!, await clerk.GetPageAsync($"/window/cases/{decided.Id}/decision"), StringComparison.Ordinal);
        Assert.Contains(licence.Number, await PdfTextAsync(clerk, $"/window/cases/{decided.Id}/decision/pdf", decided.DecisionNumber!), StringComparison.Ordinal);
        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/window/cases/{decided.Id}/decision")).StatusCode);
        using var li = portal.NewBrowser();
        await li.LoginAsync(IntakeHttp.CitizenBMobile);
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/my/cases/{decided.Number}/notices/decision")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/my/cases/{decided.Number}/notices/decision/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_denial_gives_a_numbered_denial_decision_with_the_reasons_and_the_remedies()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var accepted = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        foreach (var stage in new[] { 1, 2 })
        {
            var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == accepted.Id && t.Stage == stage));
            await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
            var fields = stage == 1
                ? new Dictionary<string, string> { ["Opinion"] = "材料齐全" }
                : new Dictionary<string, string> { ["Decision"] = "deny", ["Opinion"] = "经营场所与住宅未有效隔离", ["LegalBasis"] = "《食品经营许可和备案管理办法》第十二条" };
            Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/{(stage == 1 ? "pass" : "decide")}", fields)).StatusCode);
        }

        var denied = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Matches("^BY20261123[0-9]{6}$", denied.DecisionNumber);

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Contains("不予行政许可决定书", await zhang.GetPageAsync($"/my/cases/{accepted.Number}"), StringComparison.Ordinal);
        var page = await zhang.GetPageAsync($"/my/cases/{accepted.Number}/notices/decision");
        foreach (var expected in new[] { "不予行政许可决定书", denied.DecisionNumber!, Department, "2026年11月23日", "经营场所与住宅未有效隔离", "第十二条", LegalBasis, "第三十八条第二款", "六十日内", "行政复议", "六个月内", "行政诉讼" })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        var pdf = await PdfTextAsync(zhang, $"/my/cases/{accepted.Number}/notices/decision/pdf", denied.DecisionNumber!);
        foreach (var expected in new[] { "不予行政许可决定书", denied.DecisionNumber!, Department, "经营场所与住宅未有效隔离", "行政复议", "行政诉讼" })
        {
            Assert.Contains(expected, pdf, StringComparison.Ordinal);
        }

        using var li = portal.NewBrowser();
        await li.LoginAsync(IntakeHttp.CitizenBMobile);
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/my/cases/{accepted.Number}/notices/decision")).StatusCode);
    }

    [Fact]
    public async Task An_immediate_denial_at_the_window_is_issued_by_the_items_implementing_body_and_handed_over_at_once()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var immediate = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.SoleTrader, IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 4, 1, 2, 3, 4));
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var denied = await chief.SubmitAsync("/window/immediate", $"/window/immediate/{immediate.Id}/decide", new Dictionary<string, string> { ["decision"] = "deny", ["opinion"] = "经营场所为住宅且未取得利害关系业主同意" });
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal($"/window/cases/{immediate.Id}/decision", denied.Headers.Location!.OriginalString);

        var page = await chief.GetPageAsync($"/window/cases/{immediate.Id}/decision");
        Assert.Contains("不予行政许可决定书", page, StringComparison.Ordinal);
        Assert.Contains(Department, page, StringComparison.Ordinal); // the chief representative decides for the department, not in the hall's name
        Assert.Contains("经营场所为住宅且未取得利害关系业主同意", page, StringComparison.Ordinal);
    }
}
