using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class ImmediateDecisionTests(PortalFactory portal) : IAsyncLifetime
{
    private const string SoleTrader = "000104001000"; // 个体工商户设立登记, a 即办件 with 3 required materials

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Case> AcceptImmediateAsync()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicantName", "王小明"), new("ApplicantIdNumber", "361131200001010016"), new("ContactMobile", "13700137000"),
        };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 4; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        var response = await clerk.SubmitAsync($"/window/intake/{SoleTrader}", $"/window/intake/{SoleTrader}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.ApplicantIdNumber == "361131200001010016"));
    }

    [Fact]
    public async Task The_chief_representative_approves_an_immediate_item_the_same_day_and_it_waits_at_the_window()
    {
        var accepted = await AcceptImmediateAsync();
        Assert.Equal(new DateOnly(2026, 11, 23), accepted.PromisedDueDate); // a 即办件 is due the day it is accepted

        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var list = await chief.GetPageAsync("/window/immediate");
        Assert.Contains(accepted.Number!, list, StringComparison.Ordinal);

        var decided = await chief.SubmitAsync("/window/immediate", $"/window/immediate/{accepted.Id}/decide", new Dictionary<string, string> { ["decision"] = "approve", ["opinion"] = "材料齐全，符合登记条件" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var after = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Equal(CaseState.AwaitingDelivery, after.State);
        Assert.Equal("材料齐全，符合登记条件", after.DecisionOpinion);
        Assert.NotNull(after.DecidedByStaffId);
        Assert.Contains("data-testid=\"no-immediate\"", await chief.GetPageAsync("/window/immediate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denial_needs_a_reason()
    {
        var accepted = await AcceptImmediateAsync();
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");

        await chief.SubmitAsync("/window/immediate", $"/window/immediate/{accepted.Id}/decide", new Dictionary<string, string> { ["decision"] = "deny" });

        Assert.Contains("不予许可须写明理由", await chief.GetPageAsync("/window/immediate"), StringComparison.Ordinal);
        Assert.Equal(CaseState.Accepted, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("reviewer")]
    [InlineData(Demo.CitizenId)]
    public async Task Only_chief_representatives_decide_at_the_window(string account)
    {
        var accepted = await AcceptImmediateAsync();
        using var other = portal.NewBrowser();
        await other.LoginAsync(account);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/window/immediate")).StatusCode);
        Assert.Equal(CaseState.Accepted, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));
    }
}
