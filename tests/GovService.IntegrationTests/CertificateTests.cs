using System.Net;
using System.Text.Json;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>电子证照: issued on approval in the deciding transaction, verifiable by anyone, revoked by its issuer, expired by a job.</summary>
[Collection(PortalTests.Name)]
public sealed class CertificateTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private static readonly int[] AllButTheLicence = [1, 3, 4, 5];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<(Case Case, Licence Licence)> ApprovedAsync() => LicenceHttp.ApprovedWalkInAsync(portal);

    [Fact]
    public async Task An_approval_issues_a_signed_licence_into_the_holders_wallet_and_anyone_can_verify_it()
    {
        var (accepted, licence) = await ApprovedAsync();

        Assert.True(LicenceIdentifier.IsValid(licence.Identifier));
        Assert.Equal("食品经营许可证", licence.Name);
        Assert.Equal("111", licence.HolderCodeType);
        Assert.Equal(licence.IssuedOn.AddYears(5).AddDays(-1), licence.ValidUntil);

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Contains(licence.Number, await zhang.GetPageAsync("/my/licences"), StringComparison.Ordinal);
        var print = await zhang.GetPageAsync($"/licences/{licence.Id}");
        Assert.Contains("data:image/png;base64,", print, StringComparison.Ordinal);
        Assert.Contains($"/verify/{licence.Identifier}?code={licence.VerificationCode}", print, StringComparison.Ordinal);
        Assert.Contains(licence.VerificationCode, await zhang.GetPageAsync("/my/licences"), StringComparison.Ordinal);

        using var anyone = portal.NewBrowser();
        var page = await anyone.GetPageAsync($"/verify/{licence.Identifier}?code={licence.VerificationCode}");
        Assert.Contains("真实有效", page, StringComparison.Ordinal);
        Assert.Contains("张*", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.CitizenId, page, StringComparison.Ordinal);

        using var api = JsonDocument.Parse(await (await anyone.GetAsync($"/api/v1/certificates/{licence.Identifier}/verify?code={licence.VerificationCode}")).Content.ReadAsStringAsync());
        Assert.True(api.RootElement.GetProperty("genuine").GetBoolean());
        Assert.Equal("valid", api.RootElement.GetProperty("status").GetString());
        Assert.Equal("张*", api.RootElement.GetProperty("holder").GetString());

        // Offline: the published key verifies the stored licence.
        using var keys = JsonDocument.Parse(await (await anyone.GetAsync("/api/v1/certificates/keys")).Content.ReadAsStringAsync());
        var pem = keys.RootElement.GetProperty("keys")[0].GetProperty("publicKeyPem").GetString()!;
        Assert.True(LicenceSigner.Verify(pem, licence));

        // Other people see nothing of it.
        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/licences/{licence.Id}")).StatusCode);
        Assert.DoesNotContain(licence.Number, await li.GetPageAsync("/my/licences"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_identifier_or_record_is_reported_as_not_genuine()
    {
        var (_, licence) = await ApprovedAsync();
        using var anyone = portal.NewBrowser();

        var check = licence.Identifier[^1] == 'A' ? 'B' : 'A';
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/verify/{licence.Identifier[..^1]}{check}?code={licence.VerificationCode}")).StatusCode);

        // Someone edits the stored holder behind the platform's back: the signature no longer matches.
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE gov.crt_licences SET holder_name = '李四' WHERE id = {licence.Id}"));
        var page = await anyone.GetAsync($"/verify/{licence.Identifier}?code={licence.VerificationCode}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("不是本平台签发的真实证照", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issuing_department_revokes_and_the_same_page_then_says_revoked()
    {
        var (_, licence) = await ApprovedAsync();

        using var mz = portal.NewBrowser();
        await mz.LoginAsync("reviewer.mz");
        Assert.Equal(HttpStatusCode.NotFound, (await mz.SubmitAsync("/review", $"/licences/{licence.Id}/revoke", new Dictionary<string, string> { ["reason"] = "越权" })).StatusCode);

        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        Assert.Contains("data-testid=\"revoke-form\"", await reviewer.GetPageAsync($"/licences/{licence.Id}"), StringComparison.Ordinal);
        var revoked = await reviewer.SubmitAsync($"/licences/{licence.Id}", $"/licences/{licence.Id}/revoke", new Dictionary<string, string> { ["reason"] = "以欺骗手段取得许可" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        using var anyone = portal.NewBrowser();
        var page = await anyone.GetPageAsync($"/verify/{licence.Identifier}?code={licence.VerificationCode}");
        Assert.Contains("已吊销", page, StringComparison.Ordinal);
        Assert.Contains("以欺骗手段取得许可", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Licences_past_their_validity_expire_by_the_nightly_job()
    {
        var (_, licence) = await ApprovedAsync();
        portal.Clock.Set(new DateTimeOffset(licence.ValidUntil!.Value.AddDays(1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.FromHours(8)));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Certificates.Jobs.LicenceExpiryJob>().RunAsync(CancellationToken.None));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Certificates.Jobs.LicenceExpiryJob>().RunAsync(CancellationToken.None));
        }

        using var anyone = portal.NewBrowser();
        Assert.Contains("已过期", await anyone.GetPageAsync($"/verify/{licence.Identifier}?code={licence.VerificationCode}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_immediate_case_approved_at_the_window_issues_its_business_licence_at_once()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept") };
        for (var i = 0; i < 4; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        await clerk.SubmitAsync("/window/intake/000104001000", "/window/intake/000104001000", form);
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == "000104001000"));
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        await chief.SubmitAsync("/window/immediate", $"/window/immediate/{accepted.Id}/decide", new Dictionary<string, string> { ["decision"] = "approve", ["opinion"] = "当场办结" });

        var licence = await portal.WithDbAsync(db => db.Set<Licence>().SingleAsync(l => l.CaseId == accepted.Id));
        Assert.Equal("营业执照（个体工商户）", licence.Name);
        Assert.Null(licence.ValidUntil);
    }

    [Fact]
    public async Task The_next_application_uses_the_business_licence_from_the_wallet_instead_of_an_upload_and_the_clerk_sees_it_verified()
    {
        // 张伟 gets his 个体工商户 licence at the window the same day.
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept") };
        for (var i = 0; i < 4; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        await clerk.SubmitAsync("/window/intake/000104001000", "/window/intake/000104001000", form);
        var business = await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == "000104001000"));
        using (var chief = portal.NewBrowser())
        {
            await chief.LoginAsync("chief");
            await chief.SubmitAsync("/window/immediate", $"/window/immediate/{business.Id}/decide", new Dictionary<string, string> { ["decision"] = "approve", ["opinion"] = "当场办结" });
        }

        var licence = await portal.WithDbAsync(db => db.Set<Licence>().SingleAsync(l => l.CaseId == business.Id));

        // The food licence form offers it for 营业执照 (material 2); he uploads the others only.
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var page = await zhang.GetPageAsync($"/apply/{FoodLicence}");
        Assert.Contains("data-testid=\"use-licence-2\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"use-licence-1\"", page, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"ApplicationKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["ApplicationKey"] = key, ["ContactMobile"] = Demo.CitizenMobile, ["action"] = "submit", ["Licences[2]"] = licence.Id.ToString(),
            ["Fields[business_format]"] = "餐饮服务经营者", ["Fields[operating_items]"] = "热食类食品制售", ["Fields[operating_area]"] = "60",
            ["Fields[safety_manager]"] = "张伟", ["Fields[online_sales]"] = "false",
        };
        var submitted = await zhang.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", fields, AllButTheLicence.Select(p => TestFile.Pdf($"material-{p}")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var application = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == Guid.Parse(key)));
        Assert.Equal(CaseState.Submitted, application.State);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == application.Id && f.Position == 2)));

        // Someone else's licence id is ignored: 李秀英 cannot borrow it.
        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        var hers = await li.GetPageAsync($"/apply/{FoodLicence}");
        var herKey = System.Text.RegularExpressions.Regex.Match(hers, "name=\"ApplicationKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var borrowed = await li.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", new Dictionary<string, string>(fields) { ["ApplicationKey"] = herKey, ["ContactMobile"] = "13900139000" }, AllButTheLicence.Select(p => TestFile.Pdf($"material-{p}")));
        Assert.Contains("请上传“营业执照”", await borrowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The clerk sees "verified from licence X" and opening it records who and why.
        var review = await clerk.GetPageAsync($"/window/prereview/{application.Id}");
        Assert.Contains("已通过电子证照核验", review, StringComparison.Ordinal);
        Assert.Contains(licence.Number, review, StringComparison.Ordinal);
        var opened = await clerk.GetAsync($"/licences/{licence.Id}?reason={Uri.EscapeDataString($"网上预审核验材料：办件 {application.Number}")}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var use = await portal.WithDbAsync(db => db.Set<LicenceUse>().SingleAsync(u => u.LicenceId == licence.Id));
        Assert.Equal("李娜", use.StaffName);
        Assert.Contains(application.Number!, use.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_licence_downloads_as_a_pdf_with_its_chinese_text_in_an_embedded_font()
    {
        var (_, licence) = await ApprovedAsync();
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);

        var response = await zhang.GetAsync($"/licences/{licence.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal); // the TrueType font is embedded

        // The text comes back out as Chinese.
        var text = await PdfText.ReadAsync(pdf, licence.Number);
        Assert.Contains("食品经营许可证", text, StringComparison.Ordinal);
        Assert.Contains("云溪县市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains(licence.Number, text, StringComparison.Ordinal);
        Assert.Contains(licence.VerificationCode, text, StringComparison.Ordinal); // the 核验码 printed beside the QR code
        Assert.Equal(".pdf", GovService.Web.Shared.Files.UploadRules.Detect(pdf)?.Extension); // the portal's own PDFs pass its upload check

        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/licences/{licence.Id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_new_approval_of_the_same_licence_supersedes_the_old_one_keeps_its_number_and_links_back()
    {
        var (_, first) = await ApprovedAsync();
        var (_, second) = await ApprovedAsync();

        Assert.Equal(first.Id, second.PreviousLicenceId);
        Assert.Equal(first.Number, second.Number);
        Assert.EndsWith(".002." + second.Identifier[^1], second.Identifier, StringComparison.Ordinal);
        Assert.True(LicenceIdentifier.IsValid(second.Identifier));
        Assert.Equal(LicenceState.Superseded, await portal.WithDbAsync(db => db.Set<Licence>().Where(l => l.Id == first.Id).Select(l => l.State).SingleAsync()));

        using var anyone = portal.NewBrowser();
        Assert.Contains("已换发新证", await anyone.GetPageAsync($"/verify/{first.Identifier}?code={first.VerificationCode}"), StringComparison.Ordinal);
        Assert.Contains("真实有效", await anyone.GetPageAsync($"/verify/{second.Identifier}?code={second.VerificationCode}"), StringComparison.Ordinal);
    }
}
