using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>办件查询 and 打印证照 at the kiosk.</summary>
public sealed partial class HallKioskTests
{
    private static Task<HttpResponseMessage> PostAsync(Browser kiosk, Guid hall, string page, string action, params (string, string)[] fields) =>
        kiosk.SubmitAsync($"/hall/{hall}/kiosk/{page}", $"/hall/{hall}/kiosk/{action}", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    private async Task<string> LastCodeAsync() =>
        CodeIn().Match(await portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.StartsWith("hall:kiosk-code:")).OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync())).Groups[1].Value;

    private static string TokenOf(string page) => TokenField().Match(page).Groups[1].Value;

    [Fact]
    public async Task The_kiosk_looks_a_case_up_by_number_and_query_code_showing_what_the_status_page_shows()
    {
        var (accepted, _) = await LicenceHttp.ApprovedWalkInAsync(portal);
        var hall = await HallAsync();
        using var kiosk = portal.NewBrowser();
        var found = await (await PostAsync(kiosk, hall, "case", "case", ("number", accepted.Number!), ("queryCode", accepted.QueryCode))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"kiosk-case-result\"", found, StringComparison.Ordinal);
        Assert.Contains(accepted.ItemName, found, StringComparison.Ordinal);
        Assert.DoesNotContain(accepted.ApplicantName, found, StringComparison.Ordinal);

        foreach (var (number, code) in new[] { (accepted.Number!, "ZZZZZZ"), ("", ""), (new string('9', 64), "\0\0\0\0\0\0"), (new string('9', 65), "123456") })
        {
            var answer = await PostAsync(kiosk, hall, "case", "case", ("number", number), ("queryCode", code));
            if (code.Contains('\0', StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode); // control characters: refused before the page, never a 500
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var page = await answer.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"kiosk-case-not-found\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("kiosk-case-result", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_citizen_prints_a_wallet_licence_with_a_text_message_code_that_works_once()
    {
        var (_, licence) = await LicenceHttp.ApprovedWalkInAsync(portal);
        var hall = await HallAsync();
        using var kiosk = portal.NewBrowser();

        var sent = await (await PostAsync(kiosk, hall, "licences", "licences/code", ("idNumber", Demo.CitizenId))).Content.ReadAsStringAsync();
        Assert.Contains("尾号8000", sent, StringComparison.Ordinal);
        var token = TokenOf(sent);
        var code = await LastCodeAsync();
        Assert.Matches("^\\d{6}$", code);
        Assert.True(await portal.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == Demo.CitizenMobile && m.Key.StartsWith("hall:kiosk-code:"))));

        var wallet = await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", token), ("code", code))).Content.ReadAsStringAsync();
        Assert.Contains(licence.Number, wallet, StringComparison.Ordinal);
        var walletToken = TokenOf(wallet);

        // Replayed: the same form again does not open the wallet a second time.
        var replay = await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", token), ("code", code))).Content.ReadAsStringAsync();
        Assert.Contains("该验证码已使用", replay, StringComparison.Ordinal);
        Assert.DoesNotContain(licence.Number, replay, StringComparison.Ordinal);

        // The print page frames the licence's PDF, opened by its own token.
        var print = await (await PostAsync(kiosk, hall, "licences", $"licences/{licence.Id}/print", ("token", walletToken))).Content.ReadAsStringAsync();
        var frame = Regex.Match(print, "src=\"(/hall/[^\"]+/pdf\\?t=[^\"]+)\"").Groups[1].Value;
        var pdf = await kiosk.GetAsync(System.Net.WebUtility.HtmlDecode(frame));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", pdf.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The tokens are the hall's: another hall's kiosk cannot use them; and they expire.
        var township = await HallAsync("桃源乡便民服务中心");
        Assert.DoesNotContain(licence.Number, await (await PostAsync(kiosk, township, "licences", "licences/wallet", ("token", walletToken))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.GetAsync(System.Net.WebUtility.HtmlDecode(frame).Replace(hall.ToString(), township.ToString(), StringComparison.Ordinal))).StatusCode);
        portal.Clock.Advance(TimeSpan.FromMinutes(4));
        var expired = await (await PostAsync(kiosk, hall, "licences", "licences/wallet", ("token", walletToken))).Content.ReadAsStringAsync();
        Assert.Contains("操作已超时", expired, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.GetAsync(System.Net.WebUtility.HtmlDecode(frame))).StatusCode);
    }

    [Fact]
    public async Task A_code_is_sent_once_a_minute_per_id_number_tried_five_times_at_most_and_lasts_five_minutes()
    {
        var hall = await HallAsync();
        using var kiosk = portal.NewBrowser();
        var token = TokenOf(await (await PostAsync(kiosk, hall, "licences", "licences/code", ("idNumber", Demo.CitizenId))).Content.ReadAsStringAsync());
        var code = await LastCodeAsync();
        var wrong = code == "000000" ? "111111" : "000000";

        Assert.Contains("请60秒后再获取", await (await PostAsync(kiosk, hall, "licences", "licences/code", ("idNumber", Demo.CitizenId))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key.StartsWith("hall:kiosk-code:"))));

        for (var left = 4; left >= 1; left--)
        {
            Assert.Contains($"还可尝试{left}次", await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", token), ("code", wrong))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("错误次数过多", await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", token), ("code", wrong))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The sixth try, even with the right code, is refused.
        var sixth = await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", token), ("code", code))).Content.ReadAsStringAsync();
        Assert.Contains("错误次数过多", sixth, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"kiosk-licences\"", sixth, StringComparison.Ordinal);

        // A minute later a new code may be sent; five minutes after it, it is void.
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var again = TokenOf(await (await PostAsync(kiosk, hall, "licences", "licences/code", ("idNumber", Demo.CitizenId))).Content.ReadAsStringAsync());
        var fresh = await LastCodeAsync();
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", again), ("code", fresh))).Content.ReadAsStringAsync();
        Assert.Contains("操作已超时", late, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"kiosk-licences\"", late, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("36113120000101001", "未注册")]
    [InlineData("123", "")]
    [InlineData("36113119850612002\u0000", "")]
    [InlineData("361131198506120026361131198506120026", "")]
    public async Task An_unknown_or_hostile_id_number_sends_nothing_and_says_so_on_the_form(string idNumber, string message)
    {
        var hall = await HallAsync();
        using var kiosk = portal.NewBrowser();
        if (idNumber.Length == 17)
        {
            idNumber += GovService.Web.Shared.Identity.ChineseIdNumber.ComputeCheckCharacter(idNumber); // valid, but nobody's
        }

        var answer = await PostAsync(kiosk, hall, "licences", "licences/code", ("idNumber", idNumber));
        if (idNumber.Contains('\0', StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode); // control characters: refused before the page, never a 500
            return;
        }

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"kiosk-licences-error\"", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key.StartsWith("hall:kiosk-code:"))));

        var forged = await (await PostAsync(kiosk, hall, "licences", "licences/verify", ("token", "CfDJ8forged" + idNumber), ("code", "123456"))).Content.ReadAsStringAsync();
        Assert.Contains("操作已超时", forged, StringComparison.Ordinal);
    }

    [GeneratedRegex("验证码(\\d{6})")]
    private static partial Regex CodeIn();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
