using System.Net;
using GovService.Web.Modules.Approval.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests.Infrastructure;

/// <summary>The back office's real path to a decision, instead of writing a state into the tables.</summary>
public static class ReviewJourney
{
    /// <summary>
    /// The reviewer (陈静, 市场监管局) claims and passes each step of a case in turn and approves at the deciding one, at
    /// /review: a food licence's two steps (材料审查, 审批决定), or the one step of an item without a routing template.
    /// </summary>
    public static async Task ApproveAsync(PortalFactory portal, Guid caseId, string reviewerLogin = "reviewer")
    {
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync(reviewerLogin);
        var tasks = await portal.WithDbAsync(db => db.Set<ReviewTask>().AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Stage).ToListAsync());
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
            var done = await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/{(task.Decides ? "decide" : "pass")}", new Dictionary<string, string> { ["Opinion"] = "符合条件", ["Decision"] = "approve" });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
    }
}
