using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class CatalogTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> CodeOf(string name) =>
        portal.WithDbAsync(db => (from v in db.Set<ItemVersion>()
                                  join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
                                  where v.Status == VersionStatus.Published && v.Name.StartsWith(name)
                                  select i.BasicCode).FirstAsync());

    private async Task<Browser> Admin()
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync("admin");
        return browser;
    }

    [Fact]
    public async Task The_demo_catalog_has_forty_items_across_twelve_departments_and_three_levels_and_three_bundles()
    {
        var published = await portal.WithDbAsync(db => db.Set<ItemVersion>().Where(v => v.Status == VersionStatus.Published).ToListAsync());
        var items = await portal.WithDbAsync(db => db.Set<ServiceItem>().ToListAsync());

        Assert.True(published.Count >= 40, $"{published.Count} published items");
        Assert.True(items.Select(i => i.DepartmentId).Distinct().Count() >= 12);
        Assert.Equal([4, 5, 6], published.Select(v => v.Level).Distinct().Order());
        Assert.Contains(published, v => v.CaseKind == 1);
        Assert.Contains(published, v => v.Frequency == Frequency.High);
        Assert.Contains(published, v => v.Frequency == Frequency.Low);
        Assert.True(await portal.WithDbAsync(db => db.Set<Bundle>().CountAsync()) >= 3);
    }

    [Theory]
    [InlineData("食品", "食品经营许可")]
    [InlineData("营业", "个体工商户")]
    [InlineData("低保", "最低生活保障")]
    public async Task Searching_a_chinese_substring_finds_the_item(string query, string expected)
    {
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync("/services?q=" + Uri.EscapeDataString(query));

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_by_code_finds_the_item()
    {
        var code = await CodeOf("食品经营许可");
        using var browser = portal.NewBrowser();

        Assert.Contains("食品经营许可", await browser.GetPageAsync("/services?q=" + code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so_and_suggests_12345()
    {
        using var browser = portal.NewBrowser();

        Assert.Contains("12345", await browser.GetPageAsync("/services?q=" + Uri.EscapeDataString("不存在的事项xyz")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_wildcards_are_taken_literally()
    {
        using var browser = portal.NewBrowser();

        Assert.Contains("data-testid=\"no-results\"", await browser.GetPageAsync("/services?q=%25"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_and_legal_browsing_split_the_catalog()
    {
        using var browser = portal.NewBrowser();
        var personal = await browser.GetPageAsync("/services?audience=Personal&q=" + Uri.EscapeDataString("最低生活保障"));
        var legal = await browser.GetPageAsync("/services?audience=Legal&q=" + Uri.EscapeDataString("最低生活保障"));

        Assert.Contains("最低生活保障", personal, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-results\"", legal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_shows_every_element_a_citizen_needs()
    {
        var code = await CodeOf("食品经营许可");
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync($"/services/{code}");

        foreach (var heading in new[] { "设定依据", "受理条件", "申请材料", "办理流程", "收费标准", "办理地点", "咨询电话", "监督投诉电话", "法定办结时限", "承诺办结时限", "到办事现场次数", "实施编码", "常见问题" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("0793-7321003", html, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国食品安全法》", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"blank-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_blank_form_downloads_as_a_word_document_naming_the_material()
    {
        var code = await CodeOf("食品经营许可");
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync($"/services/{code}");
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/services/files/[0-9a-f-]+)\" data-testid=\"blank-form\"").Groups[1].Value;

        var response = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(zip.GetEntry("word/document.xml"));
    }

    [Fact]
    public async Task The_checklist_lists_every_material_of_the_guide()
    {
        var code = await CodeOf("食品经营许可");
        var materials = await portal.WithDbAsync(db => (from m in db.Set<Material>()
                                                        join v in db.Set<ItemVersion>() on m.VersionId equals v.Id
                                                        join i in db.Set<ServiceItem>() on v.ItemId equals i.Id
                                                        where i.BasicCode == code && v.Status == VersionStatus.Published
                                                        select m.Name).ToListAsync());
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync($"/services/{code}/checklist");

        Assert.Contains("一次性告知单", html, StringComparison.Ordinal);
        Assert.All(materials, m => Assert.Contains(System.Net.WebUtility.HtmlEncode(m), html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_item_is_a_404()
    {
        using var browser = portal.NewBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/services/ZZZZZZZZZZZZ")).StatusCode);
    }

    [Fact]
    public async Task A_bundle_is_one_guide_with_a_de_duplicated_material_list()
    {
        var bundle = await portal.WithDbAsync(db => db.Set<Bundle>().FirstAsync(b => b.Name.Contains("新生儿")));
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync($"/services/bundles/{bundle.Code}");

        var heading = System.Text.RegularExpressions.Regex.Match(html, "合并材料清单（(\\d+)项，合并前(\\d+)项）");
        Assert.True(heading.Success);
        Assert.True(int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(heading.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("居民身份证", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_promise_longer_than_the_statutory_limit_is_refused_and_the_fixed_version_2_leaves_version_1_in_history()
    {
        var code = await CodeOf("食品经营许可");
        using var admin = await Admin();

        var draft = await admin.SubmitAsync("/admin/catalog", $"/admin/catalog/{code}/draft", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var edit = await admin.GetPageAsync($"/admin/catalog/{code}/edit");
        var fields = FormFields(edit, "Guide.");
        Set(fields, "Guide.PromisedLimit", "99");
        Set(fields, "Guide.StatutoryLimit", "20");
        var saved = await admin.SubmitAsync($"/admin/catalog/{code}/edit", $"/admin/catalog/{code}/edit", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var refused = await admin.SubmitAsync($"/admin/catalog/{code}/edit", $"/admin/catalog/{code}/publish", new Dictionary<string, string>());
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("承诺办结时限（99）超过法定办结时限（20）", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(1, await PublishedCount(code));

        fields = FormFields(await admin.GetPageAsync($"/admin/catalog/{code}/edit"), "Guide.");
        Set(fields, "Guide.PromisedLimit", "5");
        await admin.SubmitAsync($"/admin/catalog/{code}/edit", $"/admin/catalog/{code}/edit", fields);
        var published = await admin.SubmitAsync($"/admin/catalog/{code}/edit", $"/admin/catalog/{code}/publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        using var citizen = portal.NewBrowser();
        var current = await citizen.GetPageAsync($"/services/{code}");
        Assert.Contains("第 2 版", current, StringComparison.Ordinal);
        Assert.Contains("5个工作日", System.Text.RegularExpressions.Regex.Match(current, "data-testid=\"promised-limit\">[^<]*").Value, StringComparison.Ordinal);
        var old = await citizen.GetPageAsync($"/services/{code}/v1");
        Assert.Contains("您正在查看第 1 版（历史版本）", old, StringComparison.Ordinal);
        var versions = await portal.WithDbAsync(db => db.Set<ItemVersion>().Where(v => db.Set<ServiceItem>().Any(i => i.Id == v.ItemId && i.BasicCode == code)).OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
        Assert.Equal([VersionStatus.Superseded, VersionStatus.Published], versions);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_the_public_until_published()
    {
        var department = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Organization.Domain.Department>().FirstAsync(d => d.ShortName == "民政局"));
        using var admin = await Admin();
        var created = await admin.SubmitAsync("/admin/catalog/new", "/admin/catalog/new", new Dictionary<string, string>
        {
            ["BasicCode"] = "000199990000", ["Name"] = "测试草稿事项", ["DepartmentId"] = department.Id.ToString(), ["Level"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var citizen = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/services/000199990000")).StatusCode);
        Assert.DoesNotContain("测试草稿事项", await citizen.GetPageAsync("/services?q=" + Uri.EscapeDataString("测试草稿")), StringComparison.Ordinal);
        Assert.Contains("测试草稿事项", await admin.GetPageAsync("/admin/catalog/000199990000/preview"), StringComparison.Ordinal);

        var refused = await admin.SubmitAsync("/admin/catalog/000199990000/edit", "/admin/catalog/000199990000/publish", new Dictionary<string, string>());
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("未填写设定依据", html, StringComparison.Ordinal);
        Assert.Contains("未填写受理条件", html, StringComparison.Ordinal);
        Assert.Contains("未填写监督投诉电话", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_refused_as_a_blank_form()
    {
        var code = await CodeOf("食品经营许可");
        using var admin = await Admin();
        await admin.SubmitAsync("/admin/catalog", $"/admin/catalog/{code}/draft", new Dictionary<string, string>());
        var edit = await admin.GetPageAsync($"/admin/catalog/{code}/edit");
        var materialId = System.Text.RegularExpressions.Regex.Match(edit, "/materials/([0-9a-f-]{36})/file").Groups[1].Value;

        async Task<string> Upload(byte[] content, string name)
        {
            await admin.UploadAsync($"/admin/catalog/{code}/edit", $"/admin/catalog/{code}/materials/{materialId}/file", "file", name, content, "application/pdf", new Dictionary<string, string> { ["slot"] = "blank" });
            return await admin.GetPageAsync($"/admin/catalog/{code}/edit");
        }

        var refused = await Upload([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "申请书.pdf");
        Assert.Contains("只能上传 PDF、Word、Excel 或 JPG/PNG 图片", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("申请书.pdf", refused, StringComparison.Ordinal);

        var accepted = await Upload(GovService.Testing.SamplePdf.Build(), "申请书.pdf");
        Assert.Contains("申请书.pdf", accepted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retiring_an_item_removes_it_from_the_portal_but_keeps_its_history()
    {
        var code = await CodeOf("食品经营许可");
        using var admin = await Admin();
        var unexplained = await admin.SubmitAsync($"/admin/catalog/{code}/retire", $"/admin/catalog/{code}/retire", new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, unexplained.StatusCode);
        Assert.Contains("请填写废止原因", await unexplained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await PublishedCount(code));

        await admin.SubmitAsync($"/admin/catalog/{code}/retire", $"/admin/catalog/{code}/retire", new Dictionary<string, string> { ["Reason"] = "职能调整，事项合并" });
        Assert.Contains("原因：职能调整，事项合并", await admin.GetPageAsync($"/admin/catalog/{code}/history"), StringComparison.Ordinal);

        using var citizen = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/services/{code}")).StatusCode);
        Assert.Contains("已废止", await citizen.GetPageAsync($"/services/{code}/v1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_catalog_change_is_audited()
    {
        var code = await CodeOf("食品经营许可");
        using var admin = await Admin();
        await admin.SubmitAsync($"/admin/catalog/{code}/retire", $"/admin/catalog/{code}/retire", new Dictionary<string, string> { ["Reason"] = "职能调整" });

        var entries = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ItemVersion" && a.UserName == "admin").ToListAsync());
        Assert.Contains(entries, a => a.Action == "Modified" && a.Before!.Contains("\"Status\": 2", StringComparison.Ordinal) && a.After!.Contains("\"Status\": 3", StringComparison.Ordinal));
    }

    private Task<int> PublishedCount(string code) =>
        portal.WithDbAsync(db => db.Set<ItemVersion>().CountAsync(v => v.Status == VersionStatus.Published && db.Set<ServiceItem>().Any(i => i.Id == v.ItemId && i.BasicCode == code)));

    /// <summary>The values a browser would post back from a page's form: inputs, textareas, selects and checked boxes with the prefix.</summary>
    internal static List<KeyValuePair<string, string>> FormFields(string html, string prefix)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*>"))
        {
            var tag = m.Value;
            var name = Attr(tag, "name");
            if (name is null || !name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var type = Attr(tag, "type") ?? "text";
            if (type == "checkbox")
            {
                if (tag.Contains("checked", StringComparison.Ordinal))
                {
                    fields.Add(new(name, Attr(tag, "value") ?? "true"));
                }

                continue;
            }

            if (type != "hidden" || fields.All(f => f.Key != name))
            {
                fields.Add(new(name, WebUtility.HtmlDecode(Attr(tag, "value") ?? "")));
            }
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<textarea[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>"))
        {
            if (m.Groups[1].Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                fields.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value.TrimStart('\r', '\n'))));
            }
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, "<option selected=\"selected\" value=\"([^\"]*)\"");
            if (m.Groups[1].Value.StartsWith(prefix, StringComparison.Ordinal) && selected.Success)
            {
                fields.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(selected.Groups[1].Value)));
            }
        }

        return fields;
    }

    internal static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }

    private static string? Attr(string tag, string name)
    {
        var m = System.Text.RegularExpressions.Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }
}
