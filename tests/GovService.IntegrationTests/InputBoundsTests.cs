using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// The input that used to end in a 500 (issue 26): over-long opinions, defects, refusal reasons, mobiles and draft
/// answers are refused beside their field with what was typed kept (400); a NUL character, an unreadable multipart
/// body and a page number past any list answer 400 with a clear reason or an empty page; the error page renders real
/// error codes only and no longer promises that the input was kept.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class InputBoundsTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Typed = "云溪特色米粉现场制售";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Browser> LoggedInAsync(string account)
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        return browser;
    }

    private static string Long(int length) => string.Concat(Enumerable.Repeat("审", length));

    [Fact]
    public async Task A_reviewer_opinion_of_1001_characters_is_refused_beside_the_field_with_the_text_kept_and_nothing_recorded()
    {
        using var clerk = await LoggedInAsync("clerk");
        using var reviewer = await LoggedInAsync("reviewer");
        var accepted = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));
        var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.CaseId == accepted.Id && t.Stage == 1).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task}", $"/review/tasks/{task}/claim", [])).StatusCode);
        var actions = await portal.WithDbAsync(db => db.Set<TaskAction>().CountAsync(a => a.CaseId == accepted.Id));
        var opinion = Long(1001);

        var response = await reviewer.SubmitAsync($"/review/tasks/{task}", $"/review/tasks/{task}/pass", [new("Opinion", opinion)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"field-error-Opinion\">不能超过800个字", html, StringComparison.Ordinal);
        Assert.Contains($">{opinion}</textarea>", html, StringComparison.Ordinal);
        var step = await portal.WithDbAsync(db => db.Set<ReviewTask>().AsNoTracking().SingleAsync(t => t.Id == task));
        Assert.Equal(TaskState.Open, step.State);
        Assert.Equal(actions, await portal.WithDbAsync(db => db.Set<TaskAction>().CountAsync(a => a.CaseId == accepted.Id)));
    }

    [Theory]
    [InlineData("refuse", "RefusalReason", "不能超过800个字")]
    [InlineData("refuse", "RefusalBasis", "不能超过190个字")]
    [InlineData("supplement", "Materials[1].Defect", "不能超过500个字")]
    public async Task A_window_refusal_reason_or_defect_of_10000_characters_is_refused_beside_its_field_with_the_answers_kept(string outcome, string field, string message)
    {
        using var clerk = await LoggedInAsync("clerk");
        var form = IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6);
        form.RemoveAll(f => f.Key == field);
        form.AddRange([new("outcome", outcome), new("RefusalReason", "材料不符合要求"), new("RefusalBasis", "《行政许可法》第三十二条")]);
        form.RemoveAll(f => f.Key == field);
        var typed = Long(10_000);
        form.Add(new(field, typed));
        var cases = await portal.WithDbAsync(db => db.Set<Case>().CountAsync());

        var response = await clerk.SubmitAsync($"/window/intake/{IntakeHttp.FoodLicence}", $"/window/intake/{IntakeHttp.FoodLicence}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var beside = html.IndexOf($"data-valmsg-for=\"{field}\"", StringComparison.Ordinal);
        Assert.True(beside >= 0 && html.AsSpan(beside, Math.Min(400, html.Length - beside)).Contains(message, StringComparison.Ordinal), $"no “{message}” beside {field}");
        Assert.Contains(typed, html, StringComparison.Ordinal);
        Assert.Contains("王小明", html, StringComparison.Ordinal);
        Assert.Equal(cases, await portal.WithDbAsync(db => db.Set<Case>().CountAsync()));
    }

    public static TheoryData<string, int, string> OverLongAnswers => new()
    {
        { "ContactMobile", 10_000, "不能超过20个字" },
        { "Fields[operating_address]", 501, "不能超过500个字" },
        { "Fields[operating_address]", 3_000_000, "不能超过500个字" },
    };

    [Theory]
    [MemberData(nameof(OverLongAnswers))]
    public async Task An_over_long_answer_is_refused_beside_its_field_and_no_draft_keeps_it(string field, int length, string message)
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        var form = IntakeHttp.ApplicationForm(key, "save", Demo.CitizenMobile, Typed);
        form.RemoveAll(f => f.Key == field);
        form.Add(new(field, new string('8', length)));

        var response = await zhang.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", form, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(field == "ContactMobile" ? Typed : Demo.CitizenMobile, html, StringComparison.Ordinal); // the other answers come back
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.Id == key)), "a draft was stored with the over-long answer");
    }

    [Fact]
    public async Task A_draft_over_20000_characters_in_all_is_refused_though_each_answer_is_short_enough()
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var key = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        var form = IntakeHttp.ApplicationForm(key, "save", Demo.CitizenMobile, Typed);
        form.AddRange(Enumerable.Range(0, 41).Select(i => new KeyValuePair<string, string>($"Fields[extra_{i}]", new string('8', 500))));

        var response = await zhang.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", form, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("填写的内容合计不能超过20000个字", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.Id == key)));
    }

    [Fact]
    public async Task A_nul_character_in_a_query_or_a_form_is_refused_with_400_and_says_why()
    {
        using var anonymous = portal.NewBrowser();
        const string Reason = "不可见的控制字符（NUL）"; // the query's reason, and the unreadable form's (the form reader refuses a NUL itself)

        using var page = await anonymous.GetAsync("/services?q=%E7%B1%B3%00");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(Reason, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await IntakeHttp.TokenAsync(anonymous, "/account/login");
        using var login = await IntakeHttp.PostAsync(anonymous, token, "/account/login", [new("Account", "admin\0"), new("Password", Demo.Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Contains(Reason, await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(login.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));

        using var api = await anonymous.GetAsync("/api/v1/catalog/items?q=%00");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NUL", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_2147483647_of_a_paged_list_is_an_empty_page_and_a_number_past_int_is_not_a_500()
    {
        using var anonymous = portal.NewBrowser();
        using var reviewer = await LoggedInAsync("reviewer");

        foreach (var (browser, url) in new[] { (anonymous, "/services?page=2147483647"), (reviewer, "/review?page=2147483647"), (anonymous, "/api/v1/catalog/items?page=2147483647") })
        {
            using var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }

        using var items = await anonymous.GetAsync("/api/v1/catalog/items?page=2147483647");
        Assert.Contains("\"items\":[]", await items.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var url in new[] { "/services?page=99999999999", "/review?page=99999999999", "/api/v1/catalog/items?page=99999999999" })
        {
            using var response = await (url.StartsWith("/review", StringComparison.Ordinal) ? reviewer : anonymous).GetAsync(url);
            Assert.True((int)response.StatusCode is 200 or 400, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=gov")]
    public async Task A_multipart_body_without_a_boundary_or_cut_off_is_refused_with_400_and_says_why(string contentType)
    {
        using var zhang = await LoggedInAsync(Demo.CitizenId);
        var token = await IntakeHttp.TokenAsync(zhang, $"/apply/{IntakeHttp.FoodLicence}");
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes($"--gov\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--gov\r\nContent-Disposition: form-data; name=\"material-1\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await zhang.Client.PostAsync(new Uri($"/apply/{IntakeHttp.FoodLicence}", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("提交的表单格式不正确、不完整", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/0", HttpStatusCode.NotFound)]
    [InlineData("/error/200", HttpStatusCode.NotFound)]
    [InlineData("/error/299", HttpStatusCode.NotFound)]
    [InlineData("/error/600", HttpStatusCode.NotFound)]
    [InlineData("/error/2147483647", HttpStatusCode.NotFound)]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error/503", HttpStatusCode.ServiceUnavailable)]
    public async Task Only_real_http_error_codes_render_an_error_page(string url, HttpStatusCode expected)
    {
        using var anonymous = portal.NewBrowser();
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains($"data-testid=\"error-{(int)expected}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A portal in which any action fails when asked to (a header), to see how failures are answered.</summary>
public sealed class FailingActionPortal : PortalFactory
{
    public const string Header = "X-Test-Fail";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(new FailOnRequest())));
    }

    private sealed class FailOnRequest : IActionFilter
    {
        public void OnActionExecuting(ActionExecutingContext context)
        {
            // Not the error page itself, which the exception handler runs for the same request.
            if (context.HttpContext.Request.Headers.ContainsKey(Header) && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
            {
                throw new InvalidOperationException("failing as the test asked");
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}

[Collection(PortalTests.Name)]
public sealed class FailureAnswerTests(FailingActionPortal portal) : IClassFixture<FailingActionPortal>
{
    [Fact]
    public async Task An_exception_in_an_api_answers_problem_details_and_on_a_page_the_error_page_without_promising_the_input_was_kept()
    {
        using var browser = portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.Add(FailingActionPortal.Header, "1");

        using var api = await browser.GetAsync("/api/v1/catalog/items");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":500", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var page = await browser.GetAsync("/services");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-500\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("不会丢失", html, StringComparison.Ordinal);
    }
}
