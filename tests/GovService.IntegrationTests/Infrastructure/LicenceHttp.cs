using System.Net;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests.Infrastructure;

/// <summary>Cases carried through to a licence over HTTP, as the clerk and the reviewer do it.</summary>
public static class LicenceHttp
{
    private const string FoodLicence = "000104004000";

    /// <summary>A walk-in food licence for 张伟, reviewed and approved by 市场监管局.</summary>
    public static async Task<(Case Case, Licence Licence)> ApprovedWalkInAsync(PortalFactory portal)
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept") };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        // The walk-in just accepted (the demo case 3611312026110300001 is in review too).
        var accepted = await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.Number).FirstAsync(c => c.BasicCode == FoodLicence && c.State == CaseState.InReview && c.Number != "3611312026110300001"));
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        foreach (var stage in new[] { 1, 2 })
        {
            var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == accepted.Id && t.Stage == stage));
            await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
            var verb = stage == 1 ? "pass" : "decide";
            var done = await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/{verb}", new Dictionary<string, string> { ["Opinion"] = "符合条件", ["Decision"] = "approve" });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        var licence = await portal.WithDbAsync(db => db.Set<Licence>().SingleAsync(l => l.CaseId == accepted.Id));
        return (accepted, licence);
    }
}
