using System.Net;
using System.Text;
using System.Text.Json;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class CatalogApiTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> Json(string url)
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_item_list_is_paged_and_counts_every_published_item()
    {
        var first = await Json("/api/v1/catalog/items?page=1&pageSize=10");
        var total = first.GetProperty("total").GetInt32();

        Assert.True(total >= 40);
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal((total + 9) / 10, first.GetProperty("pages").GetInt32());
        var last = await Json($"/api/v1/catalog/items?page={first.GetProperty("pages").GetInt32()}&pageSize=10");
        Assert.Equal(total - (10 * (first.GetProperty("pages").GetInt32() - 1)), last.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_page_size_over_the_limit_is_capped()
    {
        var page = await Json("/api/v1/catalog/items?pageSize=100000");

        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task The_list_has_an_etag_and_a_matching_if_none_match_gives_304()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync("/api/v1/catalog/items?pageSize=5");
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/items?pageSize=5");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await browser.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/items?pageSize=6");
        other.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Searching_the_api_for_food_finds_the_food_licence_with_its_materials()
    {
        var list = await Json("/api/v1/catalog/items?q=" + Uri.EscapeDataString("食品经营"));
        var code = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString()!.StartsWith("食品经营许可", StringComparison.Ordinal)).GetProperty("basicCode").GetString();

        var item = await Json($"/api/v1/catalog/items/{code}");

        Assert.Equal("0793-7321003", item.GetProperty("supervisionPhone").GetString());
        Assert.True(item.GetProperty("materials").GetArrayLength() > 0);
        Assert.Contains(item.GetProperty("materials").EnumerateArray(), m => m.TryGetProperty("blankFormUrl", out var url) && url.ValueKind == JsonValueKind.String);
        Assert.True(item.GetProperty("promisedLimit").GetProperty("value").GetInt32() <= item.GetProperty("statutoryLimit").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task An_unknown_item_is_a_problem_details_404()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync("/api/v1/catalog/items/ZZZZZZZZZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bundles_departments_and_figures_are_published()
    {
        var bundles = await Json("/api/v1/catalog/bundles");
        Assert.True(bundles.GetArrayLength() >= 3);
        var code = bundles[0].GetProperty("code").GetString();
        var bundle = await Json($"/api/v1/catalog/bundles/{code}");
        Assert.True(bundle.GetProperty("materials").GetArrayLength() <= bundle.GetProperty("materialsBeforeMerge").GetInt32());

        var departments = await Json("/api/v1/catalog/departments");
        Assert.True(departments.EnumerateArray().Count(d => d.GetProperty("publishedItems").GetInt32() > 0) >= 12);

        var figures = await Json("/api/v1/catalog/figures");
        var items = figures.GetProperty("publishedItems").GetInt32();
        Assert.True(items >= 40);
        foreach (var share in new[] { "onlineDoable", "inHall", "oneWindow", "atMostOneVisit", "noVisit" })
        {
            var s = figures.GetProperty(share);
            Assert.InRange(s.GetProperty("count").GetInt32(), 0, items);
            Assert.Equal(Math.Round(100.0 * s.GetProperty("count").GetInt32() / items, 1), s.GetProperty("percent").GetDouble());
        }
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_one_line_per_published_item()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync("/api/v1/catalog/items.csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var total = (await Json("/api/v1/catalog/items?pageSize=1")).GetProperty("total").GetInt32();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("基本编码,事项名称", lines[0], StringComparison.Ordinal);
        Assert.Equal(total + 1, lines.Length);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_catalog_api()
    {
        var document = await Json("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/catalog/items", out _));
        Assert.True(paths.TryGetProperty("/api/v1/catalog/items/{basicCode}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/catalog/figures", out _));
    }

    [Fact]
    public async Task The_api_never_shows_drafts()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var department = (await Json("/api/v1/catalog/departments"))[0].GetProperty("id").GetString()!;
        await admin.SubmitAsync("/admin/catalog/new", "/admin/catalog/new", new Dictionary<string, string>
        {
            ["BasicCode"] = "000188880000", ["Name"] = "接口草稿事项", ["DepartmentId"] = department, ["Level"] = "4",
        });

        using var anonymous = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/catalog/items/000188880000")).StatusCode);
    }

    [Fact]
    public async Task Export_then_import_round_trips_the_catalog()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var export = await admin.GetAsync("/admin/catalog/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var json = await export.Content.ReadAsByteArrayAsync();
        var items = JsonDocument.Parse(json).RootElement.GetProperty("items").GetArrayLength();
        Assert.True(items >= 40);

        var imported = await admin.UploadAsync("/admin/catalog", "/admin/catalog/import", "catalog", "catalog.json", json, "application/json", new Dictionary<string, string> { ["publish"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var outcome = await admin.GetPageAsync("/admin/catalog");
        Assert.Contains($"更新{items}个，发布{items}个", outcome, StringComparison.Ordinal);
        var total = (await Json("/api/v1/catalog/items?pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(items, total);
    }

    [Fact]
    public async Task A_broken_catalog_file_is_refused_with_every_problem_and_changes_nothing()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var before = (await Json("/api/v1/catalog/items?pageSize=1")).GetProperty("total").GetInt32();
        var broken = """
            {"format":"govservice-catalog/1","items":[
              {"basicCode":"bad","name":"坏事项","itemType":"99","level":4,"implementingBodyCode":"000000000000000000","statutoryLimit":{"value":5,"unit":"Weeks"},"promisedLimit":{"value":1,"unit":"WorkingDay"}}
            ],"bundles":[{"code":"X","name":"坏一件事","audience":"Personal","items":["NOSUCHITEM00"]}]}
            """;
        await admin.UploadAsync("/admin/catalog", "/admin/catalog/import", "catalog", "broken.json", Encoding.UTF8.GetBytes(broken), "application/json");

        var html = await admin.GetPageAsync("/admin/catalog");
        Assert.Contains("基本编码“bad”", html, StringComparison.Ordinal);
        Assert.Contains("itemType 的值“99”", html, StringComparison.Ordinal);
        Assert.Contains("不是本平台的部门", html, StringComparison.Ordinal);
        Assert.Contains("statutoryLimit.unit 的值“Weeks”", html, StringComparison.Ordinal);
        Assert.Contains("事项“NOSUCHITEM00”不存在", html, StringComparison.Ordinal);
        Assert.Equal(before, (await Json("/api/v1/catalog/items?pageSize=1")).GetProperty("total").GetInt32());
    }
}
