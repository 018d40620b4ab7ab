using System.Net;
using System.Text.Json;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class StatusLookupTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Number = "3611312026110300001";
    private const string Code = "YXK7Q2";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anyone_with_number_and_query_code_sees_the_status_with_a_masked_name()
    {
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync($"/status?number={Number}&code={Code.ToLowerInvariant()}");

        Assert.Contains("食品经营许可（新办）", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-applicant\">张*<", html, StringComparison.Ordinal);
        Assert.Contains("审批中", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-10", html, StringComparison.Ordinal); // 5 working days after 2026-11-03
        Assert.DoesNotContain("361131198506120026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Number, "AAAAAA")]
    [InlineData("3611312026110399999", Code)]
    [InlineData(Number, "")]
    public async Task A_wrong_number_or_code_finds_nothing_and_does_not_say_which(string number, string code)
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync($"/status?number={number}&code={code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("没有找到该办件", html, StringComparison.Ordinal);
        Assert.DoesNotContain("食品经营许可", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_api_answers_json_without_personal_data()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync($"/api/v1/cases/{Number}/status?queryCode={Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("张*", json.GetProperty("maskedApplicant").GetString());
        Assert.Equal("InReview", json.GetProperty("state").GetString());
        Assert.Equal("2026-11-10", json.GetProperty("promisedDueDate").GetString());
        Assert.DoesNotContain("361131198506120026", json.GetRawText(), StringComparison.Ordinal);

        var wrong = await browser.GetAsync($"/api/v1/cases/{Number}/status?queryCode=AAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Twenty_concurrent_window_intakes_of_every_outcome_get_twenty_different_numbers_in_sequence()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        List<KeyValuePair<string, string>> FormFor(int i)
        {
            var all = Enumerable.Range(1, 6).ToArray();
            var form = IntakeHttp.WindowForm($"窗口申请人{i}", IntakeHttp.WalkInId, "13700137000", 6, i % 4 is 0 or 1 ? all : i % 4 == 3 ? all[..5] : [1]);
            switch (i % 4)
            {
                case 1:
                    form.AddRange([new("outcome", "refuse"), new("RefusalReason", "经营场所不符合要求"), new("RefusalBasis", "《中华人民共和国行政许可法》第三十二条")]);
                    break;
                case 2:
                    form.Add(new("outcome", "supplement"));
                    break;
                case 3:
                    form.AddRange([new("outcome", "deficiency"), new("DeficiencyDueDate", "2026-11-27")]);
                    break;
            }

            return form;
        }

        var cases = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, FormFor(i))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"36113120261123{i:D5}"), cases.Select(c => c.Number).Order());
        var states = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Number!.StartsWith("36113120261123")).Select(c => c.State).ToListAsync());
        // Accepted cases are routed to the back office in the same transaction (InReview).
        Assert.All([CaseState.InReview, CaseState.AcceptedWithDeficiency, CaseState.SupplementRequested, CaseState.NotAccepted], state => Assert.Equal(5, states.Count(s => s == state)));

        // Each number is in the audit trail: drawn by the clerk, from none to the number.
        var byClerk = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Case" && a.UserName == "clerk").ToListAsync());
        var numbers = byClerk.Where(a => a.Before == "{\"Number\": null}").Select(a => a.After).Order(StringComparer.Ordinal);
        Assert.Equal(cases.Select(c => $"{{\"Number\": \"{c.Number}\"}}").Order(StringComparer.Ordinal), numbers);
    }
}
