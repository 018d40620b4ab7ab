using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class RegistrationTests(PortalFactory portal) : IAsyncLifetime
{
    private const string NewId = "361131200001010016";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Form(string id = NewId, string mobile = "13700137000", string password = "Yunxi2026pass") => new()
    {
        ["RealName"] = "王小明",
        ["IdNumber"] = id,
        ["Mobile"] = mobile,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
        ["AcceptTerms"] = "true",
    };

    private async Task<(HttpResponseMessage Response, string Html)> Register(Dictionary<string, string> form)
    {
        using var browser = portal.NewBrowser();
        var response = await browser.SubmitAsync("/account/register", "/account/register", form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<int> Users() => portal.WithDbAsync(db => db.Users.CountAsync());

    [Fact]
    public void The_test_id_number_is_itself_valid() =>
        Assert.True(ChineseIdNumber.IsValid(NewId, new DateOnly(2026, 11, 23)));

    [Fact]
    public async Task A_citizen_registers_and_is_signed_in_as_a_citizen()
    {
        var (response, _) = await Register(Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gov.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var user = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.IdNumber == NewId));
        Assert.Equal("王小明", user.RealName);
        Assert.True(await portal.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Citizen"))));
    }

    [Fact]
    public async Task A_wrong_check_character_is_explained_next_to_the_field_and_creates_nothing()
    {
        var before = await Users();
        var (response, html) = await Register(Form(id: "361131200001010017"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-valmsg-for=\"IdNumber\"", html, StringComparison.Ordinal);
        Assert.Contains("公民身份号码校验位不正确", html, StringComparison.Ordinal);
        Assert.Equal(before, await Users());
    }

    [Fact]
    public async Task An_impossible_birth_date_is_explained_and_creates_nothing()
    {
        var first17 = "36113120010230001";
        var (response, html) = await Register(Form(id: first17 + ChineseIdNumber.ComputeCheckCharacter(first17)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("出生日期不正确", html, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.IdNumber!.StartsWith(first17))));
    }

    [Fact]
    public async Task A_registered_id_number_cannot_register_twice()
    {
        var (response, html) = await Register(Form(id: Demo.CitizenId, mobile: "13700137001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该身份证号码已注册", html, StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.IdNumber == Demo.CitizenId)));
    }

    [Fact]
    public async Task A_lower_case_x_is_the_same_person_as_an_upper_case_X()
    {
        var first = await Register(Form(id: "11010519491231002X", mobile: "13700137002"));
        Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);

        var (response, html) = await Register(Form(id: "11010519491231002x", mobile: "13700137003"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该身份证号码已注册", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456", "密码至少需要8位")]
    [InlineData("abcdefgh", "密码须包含数字")]
    [InlineData("12345678", "密码须包含字母")]
    [InlineData("ab20000101", "密码不能包含出生日期")]
    public async Task A_weak_password_is_explained_and_creates_nothing(string password, string message)
    {
        var before = await Users();
        var (response, html) = await Register(Form(password: password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await Users());
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once_and_the_typed_values_are_kept()
    {
        var (response, html) = await Register(new Dictionary<string, string> { ["RealName"] = "王小明", ["Mobile"] = "1380013" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写公民身份号码", html, StringComparison.Ordinal);
        Assert.Contains("请填写11位手机号码", html, StringComparison.Ordinal);
        Assert.Contains("请设置密码", html, StringComparison.Ordinal);
        Assert.Contains("请阅读并同意服务协议", html, StringComparison.Ordinal);
        Assert.Contains("value=\"王小明\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_boxes_posted_by_a_browser_get_the_chinese_messages_not_framework_ones()
    {
        var (response, html) = await Register(new Dictionary<string, string> { ["RealName"] = "", ["IdNumber"] = "", ["Mobile"] = "", ["Password"] = "", ["ConfirmPassword"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写姓名", html, StringComparison.Ordinal);
        Assert.Contains("请填写公民身份号码", html, StringComparison.Ordinal);
        // What the user reads (element text, not data attributes for scripts) is Chinese only.
        Assert.DoesNotMatch(">[^<]*field is required", html);
    }

    [Fact]
    public async Task A_registration_posted_without_the_antiforgery_token_is_refused()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.PostWithoutTokenAsync("/account/register", Form());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.IdNumber == NewId)));
    }
}
