using System.Globalization;
using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>
/// 委托代办 under a crowd's timing: the citizen revokes her mandate at the very moment the agent submits under it. Exactly
/// one wins each time and the outcome is consistent: either the case was filed (and its filing logged under the mandate)
/// before the revocation took effect, or the agent was refused and nothing of the application was kept.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class MandateRaceTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Pension = "002005001000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_revocation_racing_a_submission_leaves_either_a_filed_case_under_the_mandate_or_nothing()
    {
        using var li = portal.NewBrowser();
        await li.LoginAsync(IntakeHttp.CitizenBMobile);
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        var agentUser = await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Name == "赵大伟").Select(s => s.UserId).SingleAsync());
        var today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var outcomes = new List<bool>();

        for (var round = 0; round < 8; round++)
        {
            var granted = await li.SubmitAsync("/my/mandates/new", "/my/mandates/new", new Dictionary<string, string>
            {
                ["Agent"] = agentUser.ToString(), ["Scope"] = "Item", ["ScopeCode"] = Pension,
                ["StartsOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["ExpiresOn"] = today.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
            var mandate = await portal.WithDbAsync(db => db.Set<Mandate>().Where(m => m.CitizenIdNumber == IntakeHttp.CitizenB && m.State != MandateState.Revoked).Select(m => m.Id).SingleAsync());

            var key = IntakeHttp.KeyOf(await agent.GetPageAsync($"/apply/{Pension}"));
            var revokeToken = await IntakeHttp.TokenAsync(li, $"/my/mandates/{mandate}");
            var applyToken = await IntakeHttp.TokenAsync(agent, $"/apply/{Pension}");
            var form = new List<KeyValuePair<string, string>>
            {
                new("ApplicationKey", key.ToString()), new("ContactMobile", IntakeHttp.CitizenBMobile), new("action", "submit"),
                new("ApplicantName", "李秀英"), new("ApplicantIdNumber", IntakeHttp.CitizenB),
                new("Fields[identity_type]", "普通参保人员"), new("Fields[payment_grade]", "每年1000元"), new("Fields[has_social_security_card]", "false"),
            };
            var scans = Enumerable.Range(1, 2).Select(n => TestFile.Pdf($"material-{n}", $"材料{n}.pdf")).ToList();

            var answers = await Task.WhenAll(
                IntakeHttp.PostAsync(agent, applyToken, $"/apply/{Pension}", form, scans),
                IntakeHttp.PostAsync(li, revokeToken, $"/my/mandates/{mandate}/revoke", []));
            using var submit = answers[0];
            using var revoke = answers[1];

            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
            var filed = await portal.WithDbAsync(db => db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == key));
            var acts = await portal.WithDbAsync(db => db.Set<MandateAct>().AsNoTracking().Where(a => a.MandateId == mandate && a.CaseId == key).CountAsync());
            Assert.Equal(MandateState.Revoked, await portal.WithDbAsync(db => db.Set<Mandate>().Where(m => m.Id == mandate).Select(m => m.State).SingleAsync()));
            if (submit.StatusCode == HttpStatusCode.Redirect)
            {
                // Filed first: the case stands, under this mandate, with its filing logged.
                Assert.NotNull(filed);
                Assert.Equal(Web.Modules.Intake.Contracts.CaseState.Submitted, filed.State);
                Assert.Equal(await portal.WithDbAsync(db => db.Set<Mandate>().Where(m => m.Id == mandate).Select(m => m.Number).SingleAsync()), filed.MandateNumber);
                Assert.Equal(1, acts);
                outcomes.Add(true);
            }
            else
            {
                // Revoked first: refused, and nothing of the application was kept.
                Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
                Assert.Contains("已撤销对您的委托", await submit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Null(filed);
                Assert.Equal(0, acts);
                Assert.False(await portal.WithDbAsync(db => db.Set<CaseFile>().AnyAsync(f => f.CaseId == key)));
                outcomes.Add(false);
            }
        }

        Assert.Equal(8, outcomes.Count);
    }
}
