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
        Assert.Contains(IntakeHttp.MaskedOperator, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.CitizenId, page, StringComparison.Ordinal);

        using var api = JsonDocument.Parse(await (await anyone.GetAsync($"/api/v1/certificates/{licence.Identifier}/verify?code={licence.VerificationCode}")).Content.ReadAsStringAsync());
        Assert.True(api.RootElement.GetProperty("genuine").GetBoolean());
        Assert.Equal("valid", api.RootElement.GetProperty("status").GetString());
        Assert.Equal(IntakeHttp.MaskedOperator, api.RootElement.GetProperty("holder").GetString());

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
        form.AddRange(IntakeHttp.WalkInAnswers);
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
        form.AddRange(IntakeHttp.WalkInAnswers);
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
            ["Fields[operator_name]"] = "云溪县城关镇张记米粉店", ["Fields[operator_code]"] = Demo.CitizenId, ["Fields[operating_address]"] = "云溪县城关镇人民大道126号",
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
    public async Task A_walk_in_with_two_shops_holds_two_licences_and_a_walk_in_renewal_replaces_only_the_licence_the_clerk_chose()
    {
        using var zhang = await ZhangAsync();
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        // The form asks the item's fields: without the premises nothing is taken in, and what was typed stays.
        var page = await clerk.GetPageAsync($"/window/intake/{FoodLicence}?id={Demo.CitizenId}");
        Assert.Contains("name=\"Fields[operating_address]\"", page, StringComparison.Ordinal);
        var before = await portal.WithDbAsync(db => db.Set<Case>().CountAsync());
        var incomplete = WalkInForm(FoodLicence, "", "云溪县城关镇张记米粉店", "餐饮服务经营者", null);
        var refused = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", incomplete);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写“经营场所”", html[html.IndexOf("data-valmsg-for=\"Fields[operating_address]\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("value=\"云溪县城关镇张记米粉店\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Set<Case>().CountAsync()));

        var noodles = await LicenceOfAsync(await ApprovedWalkInAsync(clerk, FoodLicence, NoodleShop, "云溪县城关镇张记米粉店", "餐饮服务经营者"));
        var grocery = await LicenceOfAsync(await ApprovedWalkInAsync(clerk, FoodLicence, Grocery, "云溪县城关镇张记便利店", "食品销售经营者"));
        Assert.Equal((LicenceState.Valid, LicenceState.Valid), (await StateOfAsync(noodles.Id), await StateOfAsync(grocery.Id)));
        Assert.Equal((NoodleShop, Grocery), (noodles.FaceData["经营场所"], grocery.FaceData["经营场所"]));
        Assert.StartsWith("JY1361131", grocery.Number, StringComparison.Ordinal);

        // 延续 at the window: the clerk is shown both of the applicant's licences and must choose one.
        var renewal = await clerk.GetPageAsync($"/window/intake/{FoodRenewal}?id={Demo.CitizenId}");
        Assert.Contains(noodles.Number, renewal, StringComparison.Ordinal);
        Assert.Contains(grocery.Number, renewal, StringComparison.Ordinal);
        var unchosen = await clerk.SubmitAsync($"/window/intake/{FoodRenewal}", $"/window/intake/{FoodRenewal}", WalkInForm(FoodRenewal, Grocery, "云溪县城关镇张记便利店", "食品销售经营者", null));
        var unchosenHtml = await unchosen.Content.ReadAsStringAsync();
        Assert.Contains("请选择要延续的证照", unchosenHtml[unchosenHtml.IndexOf($"data-valmsg-for=\"Replaces[{FoodRenewal}]\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(before + 2, await portal.WithDbAsync(db => db.Set<Case>().CountAsync()));

        var renewed = await LicenceOfAsync(await ApprovedWalkInAsync(clerk, FoodRenewal, Grocery, "云溪县城关镇张记便利店", "食品销售经营者", grocery.Id));
        Assert.Equal(grocery.Id, renewed.PreviousLicenceId);
        Assert.Equal(LicenceState.Superseded, await StateOfAsync(grocery.Id));
        Assert.Equal(LicenceState.Valid, await StateOfAsync(noodles.Id));
        Assert.Contains(noodles.Number, await zhang.GetPageAsync("/my/licences"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_new_food_licences_for_two_shops_of_one_citizen_are_both_valid_each_with_its_own_number_and_premises()
    {
        using var zhang = await ZhangAsync();

        var noodles = await NoodleShopAsync(zhang);
        var grocery = await GroceryAsync(zhang);

        var licences = await portal.WithDbAsync(db => db.Set<Licence>().AsNoTracking().Where(l => l.CaseId == noodles || l.CaseId == grocery).ToListAsync());
        Assert.Equal(2, licences.Count);
        Assert.All(licences, l => Assert.Equal(LicenceState.Valid, l.State));
        Assert.All(licences, l => Assert.Null(l.PreviousLicenceId));
        Assert.NotEqual(licences[0].Number, licences[1].Number);
        Assert.All(licences, l => Assert.True(FoodBusinessLicenceNumber.IsValid(l.Number), l.Number));
        var first = licences.Single(l => l.CaseId == noodles);
        var second = licences.Single(l => l.CaseId == grocery);
        Assert.StartsWith("JY2361131", first.Number, StringComparison.Ordinal); // 餐饮服务经营者, 云溪县
        Assert.StartsWith("JY1361131", second.Number, StringComparison.Ordinal); // 食品销售经营者
        Assert.Equal(NoodleShop, first.FaceData["经营场所"]);
        Assert.Equal(Grocery, second.FaceData["经营场所"]);
        Assert.Equal(("云溪县城关镇张记米粉店", Demo.CitizenId, "111"), (first.HolderName, first.HolderCode, first.HolderCodeType));

        var wallet = await zhang.GetPageAsync("/my/licences");
        Assert.Contains(first.Number, wallet, StringComparison.Ordinal);
        Assert.Contains(second.Number, wallet, StringComparison.Ordinal);
        Assert.Contains(Grocery, wallet, StringComparison.Ordinal);
        Assert.Contains("真实有效", await VerifyPageAsync(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewal_or_a_change_replaces_only_the_licence_the_applicant_chose()
    {
        using var zhang = await ZhangAsync();
        var noodles = await LicenceOfAsync(await NoodleShopAsync(zhang));
        var grocery = await LicenceOfAsync(await GroceryAsync(zhang));

        // The renewal form lists both, each with its premises; he renews the noodle shop's, a year on.
        portal.Clock.Advance(TimeSpan.FromDays(365));
        await zhang.LoginAsync(Demo.CitizenId);
        var form = await zhang.GetPageAsync($"/apply/{FoodRenewal}");
        Assert.Contains($"value=\"{noodles.Id}\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{grocery.Id}\"", form, StringComparison.Ordinal);
        Assert.Contains(Grocery, form, StringComparison.Ordinal);
        var renewed = await LicenceOfAsync(await NoodleShopAsync(zhang, FoodRenewal, replaces: noodles.Id));

        Assert.Equal((noodles.Id, noodles.Number), (renewed.PreviousLicenceId, renewed.Number));
        Assert.EndsWith(".002." + renewed.Identifier[^1], renewed.Identifier, StringComparison.Ordinal);
        Assert.True(LicenceIdentifier.IsValid(renewed.Identifier));
        Assert.Equal(renewed.IssuedOn.AddYears(5).AddDays(-1), renewed.ValidUntil); // 延续: a new validity from the decision
        Assert.True(renewed.ValidUntil > noodles.ValidUntil);
        Assert.Equal(LicenceState.Superseded, await StateOfAsync(noodles.Id));
        Assert.Equal(LicenceState.Valid, await StateOfAsync(grocery.Id));
        Assert.Contains(noodles.Number, await zhang.GetPageAsync($"/my/cases/{await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == renewed.CaseId).Select(c => c.Number).SingleAsync())}"), StringComparison.Ordinal);
        using (var reviewer = portal.NewBrowser())
        {
            await reviewer.LoginAsync("reviewer");
            var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.CaseId == renewed.CaseId).Select(t => t.Id).SingleAsync());
            Assert.Contains($"data-testid=\"replaces-licence\">{noodles.Number}<", await reviewer.GetPageAsync($"/review/tasks/{task}"), StringComparison.Ordinal);
        }

        // A change of the grocery's licence keeps its number and its validity, and leaves the renewed one alone.
        var changed = await LicenceOfAsync(await GroceryAsync(zhang, FoodChange, replaces: grocery.Id));
        Assert.Equal((grocery.Id, grocery.Number, grocery.ValidUntil), (changed.PreviousLicenceId, changed.Number, changed.ValidUntil));
        Assert.Equal(LicenceState.Superseded, await StateOfAsync(grocery.Id));
        Assert.Equal(LicenceState.Valid, await StateOfAsync(renewed.Id));

        Assert.Contains("已换发新证", await VerifyPageAsync(noodles), StringComparison.Ordinal);
        Assert.Contains("真实有效", await VerifyPageAsync(renewed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewal_naming_someone_elses_licence_or_none_is_refused_beside_the_choice()
    {
        using var zhang = await ZhangAsync();
        var his = await LicenceOfAsync(await NoodleShopAsync(zhang));

        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        var page = await li.GetPageAsync($"/apply/{FoodRenewal}");
        Assert.DoesNotContain(his.Id.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"replaces-none\"", page, StringComparison.Ordinal);
        var key = IntakeHttp.KeyOf(page);

        foreach (var (chosen, message) in new[] { (his.Id, "所选证照不是您名下有效的证照，不能申请延续"), (Guid.Empty, "您名下没有可以延续的有效证照") })
        {
            var fields = RenewalForm(key, NoodleShop, "李记米粉店", "餐饮服务经营者", chosen == Guid.Empty ? null : chosen, "13900139000");
            var refused = await li.PostMultipartAsync($"/apply/{FoodRenewal}", $"/apply/{FoodRenewal}", fields, Scans(3));

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            var beside = html.IndexOf($"data-valmsg-for=\"Replaces[{FoodRenewal}]\"", StringComparison.Ordinal);
            Assert.True(beside >= 0 && html.AsSpan(beside, 300).Contains(message, StringComparison.Ordinal), $"no “{message}” beside the choice");
            Assert.NotEqual(CaseState.Submitted, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == key).Select(c => c.State).FirstOrDefaultAsync()));
        }

        Assert.Equal(LicenceState.Valid, await StateOfAsync(his.Id));
    }

    private const string FoodRenewal = "000104004001", FoodChange = "000104004002";

    /// <summary>张伟's two shops: a noodle shop (餐饮服务经营者) and a grocery (食品销售经营者).</summary>
    private const string NoodleShop = "云溪县城关镇人民大道126号", Grocery = "云溪县城关镇解放路8号";

    private async Task<Browser> ZhangAsync()
    {
        var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        return zhang;
    }

    private Task<Guid> NoodleShopAsync(Browser zhang, string code = FoodLicence, Guid? replaces = null) =>
        ApprovedOnlineAsync(zhang, code, NoodleShop, "云溪县城关镇张记米粉店", "餐饮服务经营者", replaces);

    private Task<Guid> GroceryAsync(Browser zhang, string code = FoodLicence, Guid? replaces = null) =>
        ApprovedOnlineAsync(zhang, code, Grocery, "云溪县城关镇张记便利店", "食品销售经营者", replaces);

    private async Task<string> VerifyPageAsync(Licence licence)
    {
        using var anyone = portal.NewBrowser();
        return await anyone.GetPageAsync($"/verify/{licence.Identifier}?code={licence.VerificationCode}");
    }

    private static IEnumerable<TestFile> Scans(int count) => Enumerable.Range(1, count).Select(p => TestFile.Pdf($"material-{p}", $"材料{p}.pdf"));

    private static List<KeyValuePair<string, string>> RenewalForm(Guid key, string premises, string operatorName, string businessFormat, Guid? replaces, string mobile = Demo.CitizenMobile)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicationKey", key.ToString()), new("ContactMobile", mobile), new("action", "submit"),
            new("Fields[operator_name]", operatorName), new("Fields[operator_code]", Demo.CitizenId), new("Fields[operating_address]", premises),
            new("Fields[business_format]", businessFormat), new("Fields[operating_items]", "热食类食品制售"), new("Fields[operating_items]", "自制饮品制售"),
            new("Fields[operating_area]", "60"), new("Fields[safety_manager]", "张伟"), new("Fields[online_sales]", "false"),
            new("Fields[conditions_changed]", "false"), new("Fields[change_items]", "经营项目"),
        };
        if (replaces is { } id)
        {
            form.Add(new($"Replaces[{FoodRenewal}]", id.ToString()));
            form.Add(new($"Replaces[{FoodChange}]", id.ToString()));
        }

        return form;
    }

    /// <summary>张伟 at the window for item <paramref name="code"/>, every material handed in, the clerk typing the shop's answers (and choosing the licence it replaces).</summary>
    private static List<KeyValuePair<string, string>> WalkInForm(string code, string premises, string operatorName, string businessFormat, Guid? replaces)
    {
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept") };
        form.AddRange(RenewalForm(Guid.Empty, premises, operatorName, businessFormat, null).Where(f => f.Key.StartsWith("Fields[", StringComparison.Ordinal)));
        if (replaces is { } id)
        {
            form.Add(new($"Replaces[{code}]", id.ToString()));
        }

        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        return form;
    }

    /// <summary>A walk-in taken in at the window and approved by 市场监管局: the case's id.</summary>
    private async Task<Guid> ApprovedWalkInAsync(Browser clerk, string code, string premises, string operatorName, string businessFormat, Guid? replaces = null)
    {
        var id = (await IntakeHttp.WindowIntakeAsync(portal, clerk, code, WalkInForm(code, premises, operatorName, businessFormat, replaces))).Id;
        await ReviewJourney.ApproveAsync(portal, id);
        return id;
    }

    /// <summary>Applies online for item <paramref name="code"/>, the clerk accepts it at pre-review, 市场监管局 approves it: the case's id.</summary>
    private async Task<Guid> ApprovedOnlineAsync(Browser citizen, string code, string premises, string operatorName, string businessFormat, Guid? replaces = null)
    {
        var key = IntakeHttp.KeyOf(await citizen.GetPageAsync($"/apply/{code}"));
        var materials = (await IntakeHttp.CatalogOfAsync(portal, code)).Materials;
        var submitted = await citizen.PostMultipartAsync($"/apply/{code}", $"/apply/{code}", RenewalForm(key, premises, operatorName, businessFormat, replaces), Scans(materials.Count));
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var review = new Dictionary<string, string> { ["ApplicantName"] = "张伟", ["ApplicantIdNumber"] = Demo.CitizenId, ["ContactMobile"] = Demo.CitizenMobile, ["outcome"] = "accept" };
        for (var i = 0; i < materials.Count; i++)
        {
            review[$"Materials[{i}].Position"] = materials[i].Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            review[$"Materials[{i}].Received"] = "true";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync($"/window/prereview/{key}", $"/window/prereview/{key}", review)).StatusCode);
        await ReviewJourney.ApproveAsync(portal, key);
        return key;
    }

    private Task<Licence> LicenceOfAsync(Guid caseId) => portal.WithDbAsync(db => db.Set<Licence>().AsNoTracking().SingleAsync(l => l.CaseId == caseId));

    private Task<LicenceState> StateOfAsync(Guid licenceId) => portal.WithDbAsync(db => db.Set<Licence>().Where(l => l.Id == licenceId).Select(l => l.State).SingleAsync());
}
