using System.Net;
using GovService.Web.Modules.Approval.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests.Infrastructure;

/// <summary>The back office's real path to a decision, instead of writing a state into the tables.</summary>
public static class ReviewJourney
{
    /// <summary>The reviewer (陈静, 市场监管局) claims and passes the first step of a food licence, then claims and approves the second, at /review.</summary>
    public static async Task ApproveAsync(PortalFactory portal, Guid caseId, string reviewerLogin = "reviewer")
    {
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync(reviewerLogin);
        foreach (var stage in new[] { 1, 2 })
        {
            var task = await portal.WithDbAsync(db => db.Set<ReviewTask>().SingleAsync(t => t.CaseId == caseId && t.Stage == stage));
            await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
            var done = await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/{(stage == 1 ? "pass" : "decide")}", new Dictionary<string, string> { ["Opinion"] = "符合条件", ["Decision"] = "approve" });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
    }
}
