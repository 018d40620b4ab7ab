using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// Uploads whose name, declared type or first bytes lie about what they are — a web page or an SVG renamed to
/// .pdf or .png, a PNG, JPEG or PDF header glued in front of a script — are refused wherever files are taken
/// (an online application, a supplement, a catalog form), with the reason in the user's language; real scans
/// and photos still go through.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class ForgedUploadTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Script = "<html><body><script>alert(document.cookie)</script></body></html>";

    /// <summary>Issue 26's 88 bytes: a PDF header, a page with a script, and the words of a PDF ending that point at nothing.</summary>
    private const string HostilePdf = "%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\ntrailer\nstartxref\n0\n%%EOF\n";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Forgeries => ["html-as-pdf", "svg-as-png", "png-header-lie", "jpeg-header-lie", "pdf-header-lie", "pdf-ending-lie", "pdf-88-bytes", "zip-header-lie"];

    /// <summary>A forged file: its name and declared content type say one thing, its content is a script.</summary>
    private static TestFile Forged(string kind, string field)
    {
        var script = System.Text.Encoding.UTF8.GetBytes(Script);
        return kind switch
        {
            "html-as-pdf" => new(field, "营业执照.pdf", script, "application/pdf"),
            "svg-as-png" => new(field, "营业执照.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/png"),
            "png-header-lie" => new(field, "营业执照.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. script], "image/png"),
            "jpeg-header-lie" => new(field, "营业执照.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. script], "image/jpeg"),
            "pdf-header-lie" => new(field, "营业执照.pdf", [.. "%PDF-1.7\n"u8, .. script], "application/pdf"),
            "pdf-ending-lie" => new(field, "营业执照.pdf", [.. "%PDF-1.7\n"u8, .. script, .. "\nstartxref\n0\n%%EOF\n"u8], "application/pdf"),
            "pdf-88-bytes" => new(field, "营业执照.pdf", System.Text.Encoding.Latin1.GetBytes(HostilePdf), "application/pdf"),
            _ => new(field, "营业执照.docx", [0x50, 0x4B, 0x03, 0x04, .. script], "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        };
    }

    private async Task<Browser> SignedInAsync(string account, string culture = "zh-CN")
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        await browser.GetAsync($"/language?culture={culture}&returnUrl=%2F");
        return browser;
    }

    private async Task<string> MaterialNameAsync(int position) =>
        (await IntakeHttp.CatalogOfAsync(portal, IntakeHttp.FoodLicence)).Materials.Single(m => m.Position == position).Name;

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_material_in_an_online_application_is_refused_by_name_in_the_users_language_and_nothing_is_stored(string kind)
    {
        var material = await MaterialNameAsync(1);
        foreach (var (culture, message) in new[] { ("zh-CN", $"“{material}”：文件“{{0}}”不是 PDF、JPG 或 PNG"), ("en", $"“{material}”: “{{0}}” is not a PDF, JPG or PNG") })
        {
            using var zhang = await SignedInAsync(Demo.CitizenId, culture);
            var forged = Forged(kind, "material-1");
            var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
            var scans = IntakeHttp.RequiredScans().Where(f => f.Field != forged.Field).Append(forged);

            var response = await zhang.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, "米粉"), scans);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, forged.Name), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(await portal.WithDbAsync(db => db.Set<CaseFile>().AnyAsync(f => f.CaseId == key && f.Position == 1)), $"{kind} was stored");
            Assert.NotEqual(CaseState.Submitted, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == key).Select(c => c.State).SingleAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_supplement_is_refused_and_the_case_stays_as_it_was(string kind)
    {
        using var zhang = await SignedInAsync(Demo.CitizenId);
        using var clerk = await SignedInAsync("clerk");
        var application = await IntakeHttp.SubmitOnlineAsync(portal, zhang, Demo.CitizenMobile, "米粉");
        await IntakeHttp.RequestSupplementAsync(portal, clerk, application.Id, missingPosition: 2);
        var before = await IntakeHttp.FactsAsync(portal, application.Id);
        var forged = Forged(kind, "material-2");

        var response = await zhang.PostMultipartAsync($"/my/cases/{application.Number}", $"/my/cases/{application.Number}/supplement", [], [forged]);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"expected the case page with the reason, got {response.StatusCode}");
        Assert.Contains($"“{await MaterialNameAsync(2)}”：文件“{forged.Name}”不是 PDF、JPG 或 PNG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await IntakeHttp.FactsAsync(portal, application.Id));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_blank_form_in_the_catalog_is_refused_in_the_administrators_language(string kind)
    {
        foreach (var (culture, message) in new[] { ("zh-CN", "只能上传 PDF、Word、Excel 或 JPG/PNG 图片"), ("en", "Only PDF, Word, Excel, JPG or PNG files") })
        {
            using var admin = await SignedInAsync("admin", culture);
            await admin.SubmitAsync("/admin/catalog", $"/admin/catalog/{IntakeHttp.FoodLicence}/draft", []);
            var edit = $"/admin/catalog/{IntakeHttp.FoodLicence}/edit";
            var material = System.Text.RegularExpressions.Regex.Match(await admin.GetPageAsync(edit), "/materials/([0-9a-f-]{36})/file").Groups[1].Value;
            var forged = Forged(kind, "file");

            var response = await admin.UploadAsync(edit, $"/admin/catalog/{IntakeHttp.FoodLicence}/materials/{material}/file", "file", forged.Name, forged.Content, forged.ContentType, new Dictionary<string, string> { ["slot"] = "blank" });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(message, await admin.GetPageAsync(edit), StringComparison.Ordinal);
            Assert.False(await portal.WithDbAsync(db => db.Set<CatalogFile>().AnyAsync(f => f.FileName == forged.Name)), $"{kind} was stored");
        }
    }

    [Fact]
    public async Task Real_scans_and_photos_are_accepted_and_served_back_as_what_their_content_is()
    {
        using var zhang = await SignedInAsync(Demo.CitizenId);
        var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        TestFile[] uploads = [TestFile.Pdf("material-1", "营业执照.pdf"), TestFile.Png("material-2", "身份证.png"), TestFile.Jpeg("material-3", "场所照片.jpg"), TestFile.Pdf("material-4"), TestFile.Pdf("material-5")];

        var response = await zhang.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, "米粉"), uploads);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var files = await portal.WithDbAsync(db => db.Set<CaseFile>().Where(f => f.CaseId == key).OrderBy(f => f.Position).Select(f => new { f.Id, f.ContentType }).ToListAsync());
        Assert.Equal(["application/pdf", "image/png", "image/jpeg", "application/pdf", "application/pdf"], files.Select(f => f.ContentType));
        using var photo = await zhang.GetAsync($"/cases/files/{files[1].Id}");
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", photo.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_88_byte_pdf_under_a_bidi_name_is_refused_next_to_its_field_quoting_the_name_as_it_reads()
    {
        var material = await MaterialNameAsync(1);
        foreach (var (culture, message) in new[] { ("zh-CN", $"“{material}”：文件“gnp.pdf”不是 PDF、JPG 或 PNG"), ("en", $"“{material}”: “gnp.pdf” is not a PDF, JPG or PNG") })
        {
            using var zhang = await SignedInAsync(Demo.CitizenId, culture);
            var hostile = new TestFile("material-1", "\u202Egnp.pdf", System.Text.Encoding.Latin1.GetBytes(HostilePdf), "application/pdf");
            Assert.Equal(88, hostile.Content.Length);
            var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
            var scans = IntakeHttp.RequiredScans().Where(f => f.Field != hostile.Field).Append(hostile);

            var response = await zhang.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, "米粉"), scans);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var fieldError = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"upload-error-1\">(.*?)</span>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains(message, fieldError, StringComparison.Ordinal);
            Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
            Assert.False(await portal.WithDbAsync(db => db.Set<CaseFile>().AnyAsync(f => f.CaseId == key && f.Position == 1)), "the 88 bytes were stored");
            Assert.Equal(CaseState.Draft, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == key).Select(c => c.State).SingleAsync()));
        }
    }

    [Fact]
    public async Task An_accepted_file_is_stored_under_its_name_without_paths_or_bidi_characters_and_with_the_extension_of_what_it_is()
    {
        using var zhang = await SignedInAsync(Demo.CitizenId);
        var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        TestFile[] uploads =
        [
            TestFile.Pdf("material-1", "C:\\fakepath\\\u202Egnp.pdf"),
            TestFile.Jpeg("material-2", "../\u2066身份证\u2069.png"), // a JPEG named .png
            TestFile.Pdf("material-3"), TestFile.Pdf("material-4"), TestFile.Pdf("material-5"),
        ];

        var response = await zhang.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", IntakeHttp.ApplicationForm(key, "submit", Demo.CitizenMobile, "米粉"), uploads);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var files = await portal.WithDbAsync(db => db.Set<CaseFile>().Where(f => f.CaseId == key && f.Position <= 2).OrderBy(f => f.Position).Select(f => new { f.Id, f.FileName, f.ContentType }).ToListAsync());
        Assert.Equal(["gnp.pdf", "身份证.jpg"], files.Select(f => f.FileName));
        Assert.Equal(["application/pdf", "image/jpeg"], files.Select(f => f.ContentType));
        using var photo = await zhang.GetAsync($"/cases/files/{files[1].Id}");
        Assert.Equal("身份证.jpg", photo.Content.Headers.ContentDisposition?.FileNameStar);
    }
}
