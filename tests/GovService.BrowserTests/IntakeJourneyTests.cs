using System.Text;
using GovService.Testing;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>The journeys of 一网通办 and 一窗受理 as a citizen and a window clerk live them.</summary>
[Collection(BrowserTests.Name)]
public sealed class IntakeJourneyTests(PortalProcess portal)
{
    private static FilePayload Scan(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = SamplePdf.Build(),
    };

    private static FilePayload Photo(string name) => new()
    {
        Name = name,
        MimeType = "image/png",
        Buffer =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
            0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
            0x00, 0x05, 0xFE, 0x02, 0xFE, 0x0D, 0xEF, 0x46, 0xB8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ],
    };

    [Fact]
    public async Task A_citizen_applies_online_supplies_what_pre_review_asked_for_and_is_accepted()
    {
        string number = "", code = "";
        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "13900139000");
            await citizen.GotoAsync("/services/000505004000");
            await citizen.GetByTestId("apply-online").ClickAsync();

            await citizen.GetByLabel("原工作单位").FillAsync("云溪县宏达纺织有限公司");
            await citizen.GetByLabel("失业（离职）日期").FillAsync("2026-10-31");
            await citizen.GetByLabel("离职原因").SelectOptionAsync("劳动合同期满终止");
            await citizen.GetByLabel("累计缴纳失业保险费月数").FillAsync("68");
            await citizen.GetByLabel("是否有求职要求").SelectOptionAsync("true");

            // A renamed program is refused by its content; the answers typed so far stay.
            await citizen.GetByLabel("失业保险金申领登记表").SetInputFilesAsync(new FilePayload { Name = "登记表.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00] });
            await citizen.GetByTestId("submit").ClickAsync();
            await Expect(citizen.GetByTestId("upload-error-1")).ToContainTextAsync("不是 PDF、JPG 或 PNG");
            await Expect(citizen.GetByLabel("原工作单位")).ToHaveValueAsync("云溪县宏达纺织有限公司");

            await citizen.GetByLabel("失业保险金申领登记表").SetInputFilesAsync(Scan("登记表.pdf"));
            await citizen.GetByLabel("居民身份证").SetInputFilesAsync(Photo("身份证.png"));
            await citizen.GetByTestId("submit").ClickAsync();
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已提交，待预审");
            await Expect(citizen.GetByTestId("uploads")).ToContainTextAsync("身份证.png");
            number = (await citizen.Locator("[data-testid=my-case] code").First.InnerTextAsync()).Trim();
        }, "Online_application_submitted");

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "网上预审" }).ClickAsync();
            await clerk.GetByTestId("prereview-list").Locator("li", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
            await Expect(clerk.GetByTestId("uploaded-2")).ToContainTextAsync("身份证.png");
            await clerk.Locator("#defect-2").FillAsync("身份证照片反光，号码无法辨认，请重新拍摄");
            await clerk.GetByTestId("supplement").ClickAsync();
            await Expect(clerk.GetByTestId("supplement-notice")).ToContainTextAsync("号码无法辨认");
        }, "Pre_review_one_time_notice");

        citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "13900139000");
            await citizen.GotoAsync($"/my/cases/{number}");
            await Expect(citizen.GetByTestId("todo")).ToContainTextAsync("号码无法辨认");
            await citizen.GetByLabel("居民身份证").SetInputFilesAsync(Photo("身份证-重拍.png"));
            await citizen.GetByTestId("send-supplement").ClickAsync();
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已提交，待预审");
            await Expect(citizen.GetByTestId("timeline")).ToContainTextAsync("补正后重新提交");
        }, "Citizen_uploads_the_supplement");

        clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/prereview");
            await clerk.GetByTestId("prereview-list").Locator("li", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
            await Expect(clerk.GetByTestId("uploaded-2")).ToContainTextAsync("身份证-重拍.png");
            await clerk.GetByTestId("accept").ClickAsync();
            await Expect(clerk.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
            code = (await clerk.GetByTestId("query-code").InnerTextAsync()).Trim();
        }, "Pre_review_accepts");

        citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "13900139000");
            await citizen.GotoAsync($"/my/cases/{number}");
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("审批中");
            await Expect(citizen.GetByTestId("promised-due")).ToContainTextAsync("-");
            await citizen.GetByText("承诺期限是怎样算的").ClickAsync();
            await Expect(citizen.GetByTestId("due-explained")).ToContainTextAsync("个工作日");
            await Expect(citizen.GetByTestId("timeline")).ToContainTextAsync("办公电话");
            await citizen.GetByTestId("notice-acceptance").ClickAsync();
            await Expect(citizen.GetByTestId("acceptance-notice")).ToContainTextAsync(number);
            await Expect(citizen.GetByTestId("promised-due")).Not.ToBeEmptyAsync();
        }, "Citizen_sees_the_acceptance_notice");

        var anyone = await portal.NewPageAsync(360, 740);
        await Journeys.RunAsync(anyone, async () =>
        {
            await anyone.GotoAsync("/status");
            await anyone.GetByLabel("办件编号").FillAsync(number);
            await anyone.GetByLabel("查询码").FillAsync(code);
            await anyone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(anyone.GetByTestId("status-state")).ToHaveTextAsync("审批中");
            await Expect(anyone.GetByTestId("status-applicant")).ToHaveTextAsync("李*英");
        }, "Anyone_looks_the_online_case_up");
    }

    [Fact]
    public async Task A_walk_in_back_after_a_one_time_notice_is_accepted_once_the_clerk_ticks_what_was_handed_in()
    {
        string number = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/intake/000104004000");
            await clerk.GetByLabel("申请人姓名").FillAsync("孙丽");
            await clerk.GetByLabel("公民身份号码", new() { Exact = true }).FillAsync("361131199201010023");
            await clerk.GetByLabel("手机号码").FillAsync("13600136000");
            await Journeys.FillFoodShopAsync(clerk, "云溪县城关镇孙记早点铺", "361131199201010023", "云溪县城关镇东门街3号");
            await Journeys.TickAllMaterialsAsync(clerk);
            await clerk.Locator("#material-2").UncheckAsync(); // 营业执照 not brought

            await clerk.Locator("#defect-3").FillAsync("身份证已过有效期");
            await clerk.GetByTestId("supplement").ClickAsync();
            await Expect(clerk.GetByTestId("supplement-notice")).ToContainTextAsync("身份证已过有效期");
            number = (await clerk.GetByTestId("supplement-notice").Locator("p.text-center.small").InnerTextAsync()).Replace("编号：", "", StringComparison.Ordinal).Trim();
        }, "Return_first_visit_one_time_notice");

        // The applicant comes back with both: the clerk at another window ticks them and accepts, nothing else to clear.
        var other = await portal.NewPageAsync();
        await Journeys.RunAsync(other, async () =>
        {
            await Journeys.LoginAsync(other, "clerk.taoyuan");
            await other.GotoAsync($"/window/continue?number={number}");
            await Expect(other.GetByTestId("continuing")).ToContainTextAsync(number);
            await Expect(other.GetByTestId("earlier-defect-3")).ToContainTextAsync("身份证已过有效期");
            await Expect(other.GetByTestId("earlier-defect-2")).ToContainTextAsync("未提交");
            await Expect(other.Locator("#defect-3")).ToHaveValueAsync("");
            await other.Locator("#material-2").CheckAsync();
            await other.Locator("#material-3").CheckAsync();
            await other.GetByTestId("accept").ClickAsync();
            await Expect(other.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
            await Expect(other.GetByTestId("visits")).ToContainTextAsync("已到现场 2 次");
        }, "Return_second_visit_accepted");
    }

    [Fact]
    public async Task The_printed_checklist_keeps_each_column_header_on_one_line()
    {
        var page = await portal.NewPageAsync(820, 900);
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/services/000104004000/checklist");
            var headers = page.GetByTestId("checklist").Locator("thead th");
            Assert.True(await headers.CountAsync() >= 5);
            for (var i = 0; i < await headers.CountAsync(); i++)
            {
                // The line boxes of the header's text: one per line it takes (已备 took two in a narrow last column).
                var lines = await headers.Nth(i).EvaluateAsync<int>("th => { const r = document.createRange(); r.selectNodeContents(th); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }");
                Assert.True(lines == 1, $"header “{await headers.Nth(i).InnerTextAsync()}” takes {lines} lines");
            }
        });
    }

    [Fact]
    public async Task A_walk_in_accepted_with_a_missing_material_is_terminated_when_the_promise_passes()
    {
        string number = "", code = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window?q=食品经营");
            await clerk.GetByTestId("window-items").Locator("li", new() { HasText = "食品经营许可（新办）" }).GetByRole(AriaRole.Link, new() { Name = "开始受理" }).ClickAsync();
            await clerk.GetByLabel("申请人姓名").FillAsync("赵建国");
            await clerk.GetByLabel("公民身份号码", new() { Exact = true }).FillAsync("361131198807070034");
            await clerk.GetByLabel("手机号码").FillAsync("13500135000");
            await Journeys.FillFoodShopAsync(clerk, "云溪县城关镇赵记面馆", "361131198807070034", "云溪县城关镇北门路21号");
            var boxes = clerk.GetByTestId("intake-materials").GetByRole(AriaRole.Checkbox);
            for (var i = 0; i < await boxes.CountAsync() - 1; i++)
            {
                await boxes.Nth(i).CheckAsync(); // everything but 从业人员健康证明, which may follow (容缺)
            }

            await clerk.GetByText("容缺受理（次要材料暂缺，申请人承诺限期补齐）").ClickAsync();
            var due = await clerk.EvaluateAsync<string>("() => { const d = new Date(Date.now() + 8 * 3600e3 + 86400e3); return d.toISOString().slice(0, 10); }");

            // The days the promise may name are shown before a date is picked: from tomorrow to the promised completion date.
            var range = clerk.GetByTestId("deficiency-range");
            await Expect(range).ToContainTextAsync($"可选 {due} 至 ");
            await Expect(range).ToContainTextAsync("承诺办结日期");
            await Expect(clerk.GetByLabel("承诺补齐日期")).ToHaveAttributeAsync("min", due);
            await clerk.GetByLabel("承诺补齐日期").FillAsync(due);
            await clerk.GetByTestId("deficiency").ClickAsync();

            // A 容缺受理通知书 of its own: what is missing, by when, what happens otherwise; never "材料齐全".
            var notice = clerk.GetByTestId("acceptance-notice");
            await Expect(notice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("容缺受理通知书");
            await Expect(notice).Not.ToContainTextAsync("材料齐全");
            await Expect(notice.GetByTestId("notice-text")).ToContainTextAsync("容缺受理");
            await Expect(notice.GetByTestId("deferred")).ToContainTextAsync("从业人员健康证明");
            await Expect(notice.GetByTestId("deficiency-terms")).ToContainTextAsync($"须于 {due} 前补齐");
            await Expect(notice.GetByTestId("deficiency-lapse")).ToContainTextAsync("终止办理");
            await Expect(notice.GetByTestId("deficiency-lapse")).ToContainTextAsync("重新提出申请");
            await Expect(clerk.GetByTestId("deficiency-commitment")).ToContainTextAsync("从业人员健康证明");
            number = (await clerk.GetByTestId("case-number").InnerTextAsync()).Trim();
            code = (await clerk.GetByTestId("query-code").InnerTextAsync()).Trim();
        }, "Window_accepts_with_a_deficiency");

        // Let the promised day pass: the committed date moves to yesterday, as if the days had gone by.
        await using (var connection = new NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE gov.int_cases SET deficiency_due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE number = @number", connection);
            command.Parameters.AddWithValue("number", number);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        // The administrator runs the nightly job now from the jobs dashboard; the portal's Hangfire server does the work.
        var admin = await portal.NewPageAsync();
        await Journeys.RunAsync(admin, async () =>
        {
            await Journeys.LoginAsync(admin, "admin");
            await admin.GotoAsync("/ops/jobs/recurring");
            var row = admin.Locator("tr", new() { HasText = "intake.deficiency-sweep" });
            await row.Locator("input[type=checkbox]").CheckAsync();
            await admin.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync();
            await admin.WaitForTimeoutAsync(500);
        }, "Admin_triggers_the_deficiency_sweep");

        var applicant = await portal.NewPageAsync(360, 740);
        await Journeys.RunAsync(applicant, async () =>
        {
            for (var attempt = 0; attempt < 30; attempt++)
            {
                await applicant.GotoAsync($"/status?number={number}&code={code}");
                if ((await applicant.GetByTestId("status-state").InnerTextAsync()).Contains("已终止", StringComparison.Ordinal))
                {
                    break;
                }

                await applicant.WaitForTimeoutAsync(1000);
            }

            await Expect(applicant.GetByTestId("status-state")).ToHaveTextAsync("已终止");
            await Expect(applicant.Locator("body")).ToContainTextAsync("容缺材料未在承诺日期");
        }, "Applicant_is_told_the_case_was_terminated");
    }
}
