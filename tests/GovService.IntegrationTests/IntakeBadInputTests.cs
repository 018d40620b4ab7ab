using System.Globalization;
using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>
/// Bad input to intake: a program renamed to .pdf, a file over 10 MB, a missing or malformed answer, a wrong
/// ID number and a tampered case id or number each get a clear message (or 404) and change nothing.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class IntakeBadInputTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = IntakeHttp.FoodLicence;
    private const string Typed = "云溪特色米粉现场制售";
    private const string WrongType = "不是 PDF、JPG 或 PNG";
    private const string TooLarge = "超过10MB";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static int Megabytes(int count) => count * 1024 * 1024;

    private async Task<Browser> LoggedInAsync(string account)
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        return browser;
    }

    private async Task<string> MaterialNameAsync(int position) =>
        (await IntakeHttp.CatalogOfAsync(portal, FoodLicence)).Materials.Single(m => m.Position == position).Name;

    private Task<List<CaseFile>> FilesOfAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.Set<CaseFile>().AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync());

    /// <summary>Submits the food licence application with the required scans, one of them replaced by <paramref name="bad"/>.</summary>
    private static async Task<(Guid Key, HttpResponseMessage Response)> SubmitWithAsync(Browser citizen, TestFile bad)
    {
        var key = IntakeHttp.KeyOf(await citizen.GetPageAsync($"/apply/{FoodLicence}"));
        var scans = IntakeHttp.RequiredScans().Where(f => f.Field != bad.Field).Append(bad);
        var response = await citizen.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, Typed), scans);
        return (key, response);
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_named_and_refused_and_the_application_waits_unsubmitted()
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);

        var (key, response) = await SubmitWithAsync(zhang, TestFile.ExeNamedPdf("material-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"“{await MaterialNameAsync(1)}”：文件“营业执照.pdf”{WrongType}", html, StringComparison.Ordinal);
        Assert.Contains(Typed, html, StringComparison.Ordinal);

        var application = await portal.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == key));
        Assert.Equal(CaseState.Draft, application.State);
        Assert.Null(application.Number);
        var files = await FilesOfAsync(key);
        Assert.DoesNotContain(files, f => f.Position == 1);
        Assert.DoesNotContain(files, f => f.Content.Length >= 2 && f.Content[0] == 'M' && f.Content[1] == 'Z');
        Assert.Equal([2, 3, 4, 5], files.Select(f => f.Position).Order()); // the good scans are kept for the next try
    }

    [Fact]
    public async Task A_file_over_10_MB_is_named_and_refused_and_nothing_is_stored_for_it()
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);

        var (key, response) = await SubmitWithAsync(zhang, TestFile.Pdf("material-1", "整本扫描.pdf", Megabytes(11)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"“{await MaterialNameAsync(1)}”：文件“整本扫描.pdf”{TooLarge}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var application = await portal.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == key));
        Assert.Equal(CaseState.Draft, application.State);
        Assert.Null(application.Number);
        Assert.DoesNotContain(await FilesOfAsync(key), f => f.Position == 1 || f.Length > UploadLimit);
    }

    private const long UploadLimit = 10 * 1024 * 1024;

    [Fact]
    public async Task A_file_of_exactly_10_MB_is_accepted()
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);

        var (key, response) = await SubmitWithAsync(zhang, TestFile.Pdf("material-1", "十兆.pdf", Megabytes(10)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseState.Submitted, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == key).Select(c => c.State).SingleAsync()));
        Assert.Equal(UploadLimit, (await FilesOfAsync(key)).Single(f => f.Position == 1).Length);
    }

    [Theory]
    [InlineData("Fields[safety_manager]", null, "请填写“{0}”")]
    [InlineData("Fields[business_format]", null, "请选择“{0}”")]
    [InlineData("Fields[operating_area]", "八十六平方米", "“{0}”的格式不正确")]
    [InlineData("Fields[business_format]", "不存在的业态", "“{0}”的格式不正确")]
    [InlineData("ContactMobile", "1380013800", "请填写11位手机号码")]
    public async Task A_missing_or_malformed_answer_is_named_the_typed_values_kept_and_nothing_submitted(string field, string? value, string message)
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        var form = IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, Typed);
        form.RemoveAll(f => f.Key == field);
        if (value is not null)
        {
            form.Add(new(field, value));
        }

        var response = await zhang.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", form, IntakeHttp.RequiredScans());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var label = field.StartsWith("Fields[", StringComparison.Ordinal)
            ? (await IntakeHttp.CatalogOfAsync(portal, FoodLicence)).Fields.Single(f => f.Key == field[7..^1]).Label
            : "";
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, message, label), html, StringComparison.Ordinal);
        Assert.Contains(Typed, html, StringComparison.Ordinal);
        Assert.Contains(field == "Fields[operating_area]" ? value! : "86.5", html, StringComparison.Ordinal);
        if (value is not null && field != "Fields[business_format]") // a choice outside the list cannot be shown in the list
        {
            Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal); // the wrong value is shown to be corrected, not lost
        }

        var application = await portal.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == key));
        Assert.Equal(CaseState.Draft, application.State);
        Assert.Null(application.Number);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<CaseStep>().CountAsync(s => s.CaseId == key)));
    }

    public static TheoryData<string> BadSupplements => new() { "exe", "11MB", "none" };

    [Theory]
    [MemberData(nameof(BadSupplements))]
    public async Task A_bad_supplement_upload_is_explained_and_the_case_stays_as_it_was(string kind)
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        using var clerk = await LoggedInAsync("clerk");
        var application = await IntakeHttp.SubmitOnlineAsync(portal, zhang, Demo.CitizenMobile, Typed);
        await IntakeHttp.RequestSupplementAsync(portal, clerk, application.Id, missingPosition: 2);
        var before = await IntakeHttp.FactsAsync(portal, application.Id);
        var material = await MaterialNameAsync(2);
        TestFile[] files = kind switch
        {
            "exe" => [TestFile.ExeNamedPdf("material-2")],
            "11MB" => [TestFile.Pdf("material-2", "营业执照扫描.pdf", Megabytes(11))],
            _ => [],
        };
        var message = kind switch
        {
            "exe" => $"“{material}”：文件“营业执照.pdf”{WrongType}",
            "11MB" => $"“{material}”：文件“营业执照扫描.pdf”{TooLarge}",
            _ => "请选择要上传的补正材料",
        };

        var response = await zhang.PostMultipartAsync($"/my/cases/{application.Number}", $"/my/cases/{application.Number}/supplement", [], files);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"expected the case page with the reason, got {response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"supplement-form\"", html, StringComparison.Ordinal); // the applicant can try again at once
        Assert.Equal(before, await IntakeHttp.FactsAsync(portal, application.Id));
        Assert.Equal(CaseState.SupplementRequested, before.State);
    }

    private static string IdWith(string first17) => first17 + ChineseIdNumber.ComputeCheckCharacter(first17);

    public static TheoryData<string, string> WrongIdNumbers => new()
    {
        { "361131200001010017", "公民身份号码校验位不正确" },          // the right one ends in 6
        { "36113120000101001", "公民身份号码应为18位" },                // 17 characters
        { "36113120000101001A", "公民身份号码应为18位" },
        { IdWith("36113120270101001"), "公民身份号码中的出生日期不正确" },  // born after today (2026-11-23)
        { IdWith("36113120001301001"), "公民身份号码中的出生日期不正确" },  // month 13
        { IdWith("96113120000101001"), "公民身份号码的地址码不正确" },
        { "", "请填写公民身份号码" },
    };

    [Theory]
    [MemberData(nameof(WrongIdNumbers))]
    public async Task A_wrong_id_number_at_the_window_is_explained_and_no_case_is_made(string idNumber, string message)
    {
        Assert.Equal('6', ChineseIdNumber.ComputeCheckCharacter("36113120000101001")); // the helper agrees with the demo walk-in
        using var clerk = await LoggedInAsync("clerk");
        var before = await IntakeHttp.SnapshotAsync(portal);

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", IntakeHttp.WindowForm("王小明", idNumber, "13700137000", 6, 1, 2, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("value=\"王小明\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await IntakeHttp.SnapshotAsync(portal));
    }

    [Fact]
    public async Task The_id_number_message_follows_the_chosen_language()
    {
        using var clerk = await LoggedInAsync("clerk");

        var response = await clerk.SubmitAsync($"/window/intake/{FoodLicence}?culture=en", $"/window/intake/{FoodLicence}?culture=en", IntakeHttp.WindowForm("王小明", "361131200001010017", "13700137000", 6, 1, 2, 3, 4, 5, 6));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The check character of this ID number is wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.ApplicantName == "王小明")));
    }

    [Fact]
    public async Task A_tampered_case_id_or_number_finds_nothing_on_any_route_and_changes_nothing()
    {
        using var li = await LoggedInAsync(IntakeHttp.CitizenBMobile);
        var theirs = await IntakeHttp.SubmitOnlineAsync(portal, li, IntakeHttp.CitizenBMobile, "乙方的经营项目");
        var theirFile = (await FilesOfAsync(theirs.Id)).First().Id;
        using var clerk = await LoggedInAsync("clerk");
        var walkIn = await IntakeHttp.WindowIntakeAsync(portal, clerk, FoodLicence, IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6));
        using var chief = await LoggedInAsync("chief");
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var zhangsToken = await IntakeHttp.TokenAsync(zhang, "/my/cases");
        var clerksToken = await IntakeHttp.TokenAsync(clerk, "/window");
        var chiefsToken = await IntakeHttp.TokenAsync(chief, "/window");
        var before = await IntakeHttp.SnapshotAsync(portal);
        var random = Guid.NewGuid();
        var failures = new List<string>();

        async Task Expect404(string method, string url, Task<HttpResponseMessage> request)
        {
            using var response = await request;
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{method} {url}: expected 404, got {(int)response.StatusCode} {IntakeHttp.LocationOf(response)}");
            }
            else if (body.Contains("乙方的经营项目", StringComparison.Ordinal) || body.Contains(IntakeHttp.CitizenB, StringComparison.Ordinal) || body.Contains("李秀英", StringComparison.Ordinal))
            {
                failures.Add($"{method} {url}: the 404 shows citizen B's data");
            }
        }

        Task Get404(Browser browser, string url) => Expect404("GET", url, browser.GetAsync(url));
        Task Post404(Browser browser, string token, string url, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<TestFile>? files = null) =>
            Expect404("POST", url, IntakeHttp.PostAsync(browser, token, url, fields, files));

        // Citizen A with citizen B's case number, an unknown number and a made-up one.
        foreach (var number in new[] { theirs.Number, IntakeHttp.UnknownNumber, "../../window", "3611312026110300001' OR '1'='1" })
        {
            var escaped = Uri.EscapeDataString(number);
            await Get404(zhang, $"/my/cases/{escaped}");
            foreach (var kind in new[] { "acceptance", "supplement", "refusal" })
            {
                await Get404(zhang, $"/my/cases/{escaped}/notices/{kind}");
            }

            await Post404(zhang, zhangsToken, $"/my/cases/{escaped}/supplement", [], [TestFile.Png("material-2")]);
            await Post404(zhang, zhangsToken, $"/my/cases/{escaped}/withdraw", []);
        }

        await Get404(zhang, "/my/cases/3611312026110300001/notices/unknown-kind"); // A's own case, a notice that does not exist
        await Get404(zhang, "/my/cases/3611312026110300001/notices/refusal"); // A's own case, a notice it does not have

        // Files: B's, a random id, a case id used as a file id, and no id at all.
        foreach (var id in new[] { theirFile.ToString(), random.ToString(), theirs.Id.ToString(), "not-a-guid" })
        {
            await Get404(zhang, $"/cases/files/{id}");
            if (id != theirFile.ToString()) // the county clerk handles B's application and may read B's file
            {
                await Get404(clerk, $"/cases/files/{id}");
            }
        }

        // Window routes with a random id, an id that is no case, and a case in the wrong state.
        foreach (var id in new[] { random.ToString(), theirFile.ToString() })
        {
            await Get404(clerk, $"/window/prereview/{id}");
            await Post404(clerk, clerksToken, $"/window/prereview/{id}", IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));
            await Post404(clerk, clerksToken, $"/window/continue/{id}", IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));
            foreach (var notice in new[] { "acceptance-notice", "supplement-notice", "refusal-notice" })
            {
                await Get404(clerk, $"/window/cases/{id}/{notice}");
            }

            await Post404(chief, chiefsToken, $"/window/immediate/{id}/decide", [new("decision", "approve"), new("opinion", "同意")]);
        }

        await Get404(clerk, "/window/prereview/not-a-guid");
        await Get404(clerk, $"/window/prereview/{walkIn.Id}"); // accepted at the window: nothing to pre-review
        await Post404(clerk, clerksToken, $"/window/continue/{walkIn.Id}", IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6)); // not waiting for a supplement
        await Get404(clerk, $"/window/cases/{walkIn.Id}/refusal-notice"); // accepted, so no refusal notice
        await Post404(chief, chiefsToken, $"/window/immediate/{walkIn.Id}/decide", [new("decision", "approve")]); // a 承诺件, not 即办
        foreach (var number in new[] { theirs.Number, walkIn.Number, IntakeHttp.UnknownNumber }) // none of them waits for 容缺 materials
        {
            await Post404(clerk, clerksToken, $"/window/deficiency/{number}", [new("supplied", "1"), new("supplied", "6")]);
        }

        await Get404(zhang, "/apply/bundle/YJS-999");
        await Post404(zhang, zhangsToken, "/apply/bundle/YJS-999", IntakeHttp.ApplicationForm(Guid.NewGuid(), "submit", Demo.CitizenMobile, Typed));
        await Get404(zhang, "/apply/999999999999");
        await Post404(zhang, zhangsToken, "/apply/999999999999", IntakeHttp.ApplicationForm(Guid.NewGuid(), "submit", Demo.CitizenMobile, Typed));
        await Get404(clerk, "/window/intake/999999999999");
        await Post404(clerk, clerksToken, "/window/intake/999999999999", IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6));

        // The public lookup with B's number and A's query code, or no code.
        await Get404(zhang, $"/status?number={theirs.Number}&code=YXK7Q2");
        await Get404(zhang, $"/api/v1/cases/{theirs.Number}/status?queryCode=YXK7Q2");
        await Get404(zhang, $"/api/v1/cases/{theirs.Number}/status");

        // A continuation by an unknown number is a message, not an error.
        using (var unknown = await clerk.GetAsync($"/window/continue?number={IntakeHttp.UnknownNumber}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
            Assert.Contains("没有找到待补正", await clerk.GetPageAsync(IntakeHttp.LocationOf(unknown)), StringComparison.Ordinal);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await IntakeHttp.SnapshotAsync(portal));
    }

    [Fact]
    public async Task An_application_key_that_is_someone_elses_case_takes_nothing_over()
    {
        using var li = await LoggedInAsync(IntakeHttp.CitizenBMobile);
        var theirs = await IntakeHttp.SubmitOnlineAsync(portal, li, IntakeHttp.CitizenBMobile, "乙方的经营项目");
        var theirDraft = await IntakeHttp.SaveDraftAsync(li, "乙方的草稿");
        using var clerk = await LoggedInAsync("clerk");
        var walkIn = await IntakeHttp.WindowIntakeAsync(portal, clerk, FoodLicence, IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6));
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var before = await IntakeHttp.SnapshotAsync(portal);

        foreach (var key in new[] { theirs.Id, theirDraft, walkIn.Id })
        {
            var page = await zhang.GetPageAsync($"/apply/{FoodLicence}?key={key}");
            Assert.NotEqual(key, IntakeHttp.KeyOf(page));
            Assert.DoesNotContain("乙方", page, StringComparison.Ordinal);

            foreach (var action in new[] { "save", "submit" })
            {
                var response = await zhang.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", IntakeHttp.ApplicationForm(key, action, Demo.CitizenMobile, Typed), IntakeHttp.RequiredScans());
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("表单已失效", html, StringComparison.Ordinal);
                Assert.DoesNotContain("乙方", html, StringComparison.Ordinal);
                Assert.DoesNotContain("data-testid=\"uploaded-", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await IntakeHttp.SnapshotAsync(portal));
    }

    [Fact]
    public async Task A_draft_posted_to_another_items_form_is_not_submitted_under_the_wrong_item()
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var draft = await IntakeHttp.SaveDraftAsync(zhang, Typed);
        var before = await IntakeHttp.FactsAsync(portal, draft);
        var sole = await IntakeHttp.CatalogOfAsync(portal, IntakeHttp.SoleTrader);
        var scans = sole.Materials.Select(m => TestFile.Pdf($"material-{m.Position}", $"材料{m.Position}.pdf")).ToList();
        var fields = new List<KeyValuePair<string, string>> { new("ApplicationKey", draft.ToString()), new("ContactMobile", Demo.CitizenMobile), new("action", "submit") };
        fields.AddRange(sole.Fields.Select(f => new KeyValuePair<string, string>($"Fields[{f.Key}]", f.Kind switch
        {
            "Number" => "1",
            "Date" => "2026-11-23",
            "Choice" => f.Options[0],
            "YesNo" => "false",
            _ => "个体经营",
        })));
        var token = await IntakeHttp.TokenAsync(zhang, "/my/cases");

        using var response = await IntakeHttp.PostAsync(zhang, token, $"/apply/{IntakeHttp.SoleTrader}", fields, scans);

        var after = await portal.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == draft));
        var files = (await FilesOfAsync(draft)).Where(f => f.ReplacedAt == null).Select(f => $"{f.Position} {f.MaterialName}");
        Assert.True(
            after.State == CaseState.Draft,
            $"the food licence draft was {after.State} (number {after.Number}, item {after.BasicCode} {after.ItemName}) by a post to the sole trader form; "
            + $"answer {(int)response.StatusCode} {IntakeHttp.LocationOf(response)}; its form data now {string.Join(", ", after.FormData.Select(p => $"{p.Key}={p.Value}"))}; its uploads: {string.Join("; ", files)}");
        Assert.Equal(FoodLicence, after.BasicCode);
        Assert.Equal(Typed, after.FormData["operating_address"]);
        Assert.Equal(before, await IntakeHttp.FactsAsync(portal, draft));
    }

    [Fact]
    public async Task A_material_file_is_served_to_its_applicant_and_the_hall_handling_it_and_to_nobody_else()
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{FoodLicence}"));
        var pdf = TestFile.Pdf("material-1", "申请书.pdf", 4096);
        var png = TestFile.Png("material-6", "健康证.png");
        var scans = IntakeHttp.RequiredScans().Where(f => f.Field != "material-1").Append(pdf).Append(png);
        var submitted = await zhang.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, Typed), scans);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var files = await FilesOfAsync(key);
        var pdfId = files.Single(f => f.Position == 1).Id;
        var pngId = files.Single(f => f.Position == 6).Id;

        foreach (var (account, id, file) in new[] { ("clerk", pdfId, pdf), ("clerk", pngId, png), (Demo.CitizenId, pdfId, pdf), ("chief", pngId, png) })
        {
            using var reader = account == Demo.CitizenId ? null : await LoggedInAsync(account);
            var response = await (reader ?? zhang).GetAsync($"/cases/files/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(file.Content, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(file.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(file.Name, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        foreach (var account in new[] { IntakeHttp.CitizenBMobile, "clerk.taoyuan", "reviewer", "supervisor", "admin", "agent" })
        {
            using var other = await LoggedInAsync(account);
            foreach (var id in new[] { pdfId, pngId })
            {
                var response = await other.GetAsync($"/cases/files/{id}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{account} reading {id}: expected 404, got {response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("%PDF", body, StringComparison.Ordinal);
                Assert.DoesNotContain("申请书.pdf", body, StringComparison.Ordinal);
                Assert.DoesNotContain(Demo.CitizenId, body, StringComparison.Ordinal);
            }
        }

        using var anonymous = portal.NewBrowser();
        var refused = await anonymous.GetAsync($"/cases/files/{pdfId}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", IntakeHttp.LocationOf(refused), StringComparison.Ordinal);
    }
}
