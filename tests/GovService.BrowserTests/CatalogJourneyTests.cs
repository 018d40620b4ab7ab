using System.IO.Compression;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

[Collection(BrowserTests.Name)]
public sealed class CatalogJourneyTests(PortalProcess portal)
{
    private static readonly bool[] CareModes = [false, true];

    private static readonly string[] EnglishTerms = ["Administrative licence", "County level", "Statutory authority", "Enterprise", "At a service window"];

    private static readonly string[] GuideHeadings = ["设定依据", "受理条件", "申请材料", "办理流程", "收费标准", "办理地点与咨询", "常见问题"];

    [Fact]
    public async Task A_citizen_finds_the_food_licence_reads_its_guide_downloads_the_form_and_prints_the_checklist()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/");
            await page.GetByLabel("搜索事项").FillAsync("食品");
            await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("results")).ToContainTextAsync("食品经营许可");

            // Each department's count is what clicking it shows for the same search.
            var searched = page.Url;
            var facets = page.GetByTestId("department-facet").Locator("li");
            var shown = await facets.CountAsync();
            Assert.InRange(shown, 1, 12);
            for (var n = 0; n < shown; n++)
            {
                var count = await facets.Nth(n).Locator("[data-count]").GetAttributeAsync("data-count");
                await facets.Nth(n).GetByRole(AriaRole.Link).ClickAsync();
                Assert.Equal(count, await page.GetByTestId("results-total").GetAttributeAsync("data-total"));
                await page.GotoAsync(searched);
            }

            await page.GetByTestId("results").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^食品经营许可") }).First.ClickAsync();
            await Expect(page.GetByTestId("guide-title")).ToContainTextAsync("食品经营许可");
            foreach (var heading in GuideHeadings)
            {
                await Expect(page.Locator("main h2", new() { HasText = heading })).ToBeVisibleAsync();
            }

            await Expect(page.GetByTestId("supervision-phone")).ToHaveTextAsync("0793-7321003");
            await Expect(page.GetByTestId("promised-limit")).ToContainTextAsync("个工作日");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("blank-form").First.ClickAsync());
            Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
            var saved = Path.Combine(PortalProcess.ArtifactsFolder, "blank-form.docx");
            await download.SaveAsAsync(saved);
            using (var zip = ZipFile.OpenRead(saved))
            {
                Assert.NotNull(zip.GetEntry("word/document.xml"));
            }

            await page.GetByTestId("checklist-link").ClickAsync();
            await Expect(page.GetByTestId("checklist")).ToContainTextAsync("政务服务事项一次性告知单");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).Not.ToBeVisibleAsync();
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.Combine(PortalProcess.ArtifactsFolder, "checklist.pdf"), PrintBackground = true });
            Assert.True(pdf.Length > 1000);
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        });
    }

    [Fact]
    public async Task Retiring_an_item_asks_for_confirmation_and_a_reason_and_its_history_keeps_the_reason()
    {
        const string code = "000111001000"; // 代理记账机构设立审批: no other journey uses it
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, "admin");
            await page.GotoAsync($"/admin/catalog/{code}/history");
            await page.GetByTestId("retire").ClickAsync();
            await Expect(page.GetByTestId("retire-confirm")).ToContainTextAsync("停止施行");
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^废止事项：代理记账机构设立审批"));

            // Nothing is withdrawn on one click: without a reason the page asks for it, next to the field.
            await page.GetByTestId("retire-confirm-button").ClickAsync();
            await Expect(page.Locator("[data-valmsg-for='Reason']")).ToHaveTextAsync("请填写废止原因");
            await page.GotoAsync($"/services/{code}");
            await Expect(page.GetByTestId("guide-title")).ToContainTextAsync("代理记账");

            await page.GotoAsync($"/admin/catalog/{code}/retire");
            await page.GetByLabel("废止原因").FillAsync("依据县政府决定取消该事项");
            await page.GetByTestId("retire-confirm-button").ClickAsync();
            await Expect(page.Locator(".alert-success")).ToContainTextAsync("事项已废止");
            await Expect(page.GetByTestId("retired-v1")).ToContainTextAsync("原因：依据县政府决定取消该事项");

            var response = await page.GotoAsync($"/services/{code}");
            Assert.Equal(404, response!.Status);
        });
    }

    [Fact]
    public async Task On_a_phone_the_guide_shows_each_material_as_one_card_also_in_care_mode()
    {
        var page = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/services?q=" + Uri.EscapeDataString("食品经营许可"));
            await page.GetByTestId("results").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^食品经营许可") }).First.ClickAsync();
            var guide = page.Url;
            foreach (var care in CareModes)
            {
                if (care)
                {
                    await page.GotoAsync("/care-mode?on=true&returnUrl=" + Uri.EscapeDataString(new Uri(guide).PathAndQuery));
                    await Expect(page.Locator("body.care-mode")).ToHaveCountAsync(1);
                }

                var table = page.GetByTestId("guide-materials-list");
                await Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();

                // Every material is a block as wide as the list, nothing scrolls sideways, and each fact carries its label.
                var layout = await table.EvaluateAsync<double[]>(@"t => {
                    const rows = [...t.querySelectorAll('tbody tr')];
                    const narrowest = Math.min(...rows.map(r => r.getBoundingClientRect().width));
                    const blocks = rows.filter(r => getComputedStyle(r).display === 'block').length;
                    return [rows.length, blocks, narrowest / t.parentElement.clientWidth, t.parentElement.scrollWidth - t.parentElement.clientWidth];
                }");
                Assert.True(layout[0] >= 3, $"{layout[0]} materials");
                Assert.Equal(layout[0], layout[1]);
                Assert.True(layout[2] > 0.95, $"a material card is only {layout[2]:P0} of the width (care mode: {care})");
                Assert.True(layout[3] <= 0, $"the materials scroll sideways by {layout[3]}px (care mode: {care})");
                var label = await table.Locator("tbody tr").First.Locator("td[data-label]").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
                Assert.Contains("来源", label, StringComparison.Ordinal);
                Assert.False(await table.Locator("thead").IsVisibleAsync() && (await table.Locator("thead").BoundingBoxAsync())!.Height > 2);
            }
        });
    }

    [Fact]
    public async Task In_english_the_guide_names_the_fixed_terms_in_english()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/language?culture=en&returnUrl=" + Uri.EscapeDataString("/services?q=" + Uri.EscapeDataString("食品经营许可")));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByTestId("results")).ToContainTextAsync("Commitment case");
            await page.GetByTestId("results").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^食品经营许可") }).First.ClickAsync();

            var guide = page.Locator("main");
            foreach (var term in EnglishTerms)
            {
                await Expect(guide).ToContainTextAsync(term);
            }

            await Expect(page.GetByTestId("case-kind")).ToHaveTextAsync("Commitment case");
            await Expect(guide).ToContainTextAsync("Originals: 1");
            var text = await guide.InnerTextAsync();
            Assert.DoesNotContain("(s)", text, StringComparison.Ordinal);
            var facts = await page.GetByTestId("case-kind").Locator("xpath=..").InnerTextAsync();
            Assert.DoesNotContain("行政许可", facts, StringComparison.Ordinal);
            Assert.DoesNotContain("县级", facts, StringComparison.Ordinal);
            Assert.DoesNotContain("承诺件", facts, StringComparison.Ordinal);
            Assert.DoesNotContain("、", facts, StringComparison.Ordinal);
            await page.GotoAsync("/language?culture=zh-CN&returnUrl=%2F");
        });
    }

    [Fact]
    public async Task A_citizen_opens_a_life_event_bundle_with_one_combined_material_list()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/services");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("新生儿出生一件事") }).ClickAsync();
            await Expect(page.GetByTestId("bundle-title")).ToContainTextAsync("新生儿出生");
            await Expect(page.GetByTestId("bundle-materials")).ToContainTextAsync("居民身份证");
            var rows = await page.GetByTestId("bundle-materials").Locator("tbody tr").CountAsync();
            var names = await page.GetByTestId("bundle-materials").Locator("tbody tr td:first-child").AllInnerTextsAsync();
            Assert.Equal(rows, names.Select(n => n.Split('\n')[0].Trim()).Distinct().Count());
        });
    }

    [Fact]
    public async Task An_administrator_cannot_publish_a_promise_beyond_the_statutory_limit_then_fixes_it_and_version_1_stays_in_history()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, "admin");
            await page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "事项目录" }).ClickAsync();
            var row = page.GetByTestId("admin-items").Locator("tr", new() { HasText = "公共场所卫生许可" });
            if (await row.CountAsync() == 0)
            {
                row = page.GetByTestId("admin-items").Locator("tr", new() { HasText = "户外广告" });
            }

            var code = (await row.Locator("code").First.InnerTextAsync()).Trim();
            await row.GetByRole(AriaRole.Button, new() { Name = "修订（生成新版本）" }).ClickAsync();

            // Ten working days promised against ten calendar days in law: compared in one unit, it is refused.
            await page.GetByLabel("法定办结时限", new() { Exact = true }).FillAsync("10");
            await page.Locator("#Guide_StatutoryUnit").SelectOptionAsync(new SelectOptionValue { Label = "自然日" });
            await page.GetByLabel("承诺办结时限", new() { Exact = true }).FillAsync("10");
            await page.Locator("#Guide_PromisedUnit").SelectOptionAsync(new SelectOptionValue { Label = "工作日" });
            await page.GetByTestId("save-guide").ClickAsync();
            await page.GetByTestId("publish").ClickAsync();
            await Expect(page.GetByTestId("lint")).ToContainTextAsync("承诺办结时限 10 个工作日（按日历约 14 天）超过法定办结时限 10 个自然日");

            await page.GetByLabel("法定办结时限", new() { Exact = true }).FillAsync("20");
            await page.Locator("#Guide_StatutoryUnit").SelectOptionAsync(new SelectOptionValue { Label = "工作日" });
            await page.GetByLabel("承诺办结时限", new() { Exact = true }).FillAsync("30");
            await page.GetByTestId("save-guide").ClickAsync();
            await Expect(page.Locator(".alert-success")).ToContainTextAsync("已保存");

            await page.GetByTestId("publish").ClickAsync();
            await Expect(page.GetByTestId("lint")).ToContainTextAsync("承诺办结时限（30）超过法定办结时限（20）");

            await page.GetByLabel("承诺办结时限", new() { Exact = true }).FillAsync("8");
            await page.GetByTestId("save-guide").ClickAsync();
            await page.GetByTestId("publish").ClickAsync();
            await Expect(page.Locator(".alert-success")).ToContainTextAsync("已发布");
            await Expect(page.GetByTestId("status-v2")).ToHaveTextAsync("现行有效");
            await Expect(page.GetByTestId("status-v1")).ToHaveTextAsync("历史版本");

            await page.GotoAsync($"/services/{code}");
            await Expect(page.GetByTestId("promised-limit")).ToContainTextAsync("8个工作日");
            await page.GetByTestId("history").GetByRole(AriaRole.Link, new() { Name = "第 1 版" }).ClickAsync();
            await Expect(page.GetByTestId("version-status")).ToContainTextAsync("您正在查看第 1 版（历史版本）");
        });
    }
}
