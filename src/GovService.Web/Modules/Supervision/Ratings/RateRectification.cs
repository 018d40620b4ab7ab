using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Ratings;

/// <summary>The applicant rates the rectification they were fed back on; that closes the work order.</summary>
public sealed class RateRectification(GovDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(RateOutcome Outcome, string? Error)> RunAsync(string number, Guid userId, Guid orderId, int level, string? comment, CancellationToken ct)
    {
        var order = await db.Set<RectificationOrder>().FirstOrDefaultAsync(o => o.Id == orderId && o.CaseNumber == number && o.RaterUserId == userId, ct);
        if (order is null)
        {
            return (RateOutcome.NotFound, null);
        }

        var text = (comment ?? "").Trim();
        if (level is < 1 or > 5)
        {
            return (RateOutcome.Invalid, l["Rating.LevelRequired"]);
        }

        if (text.Length > RatingDesk.CommentMax)
        {
            return (RateOutcome.Invalid, l["Rating.CommentTooLong", RatingDesk.CommentMax]);
        }

        if (order.State != RectificationState.FedBack)
        {
            return (RateOutcome.AlreadyRated, l["Rectification.NotFedBack"]);
        }

        order.Rerate((Satisfaction)level, text, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (RateOutcome.AlreadyRated, l["Rectification.NotFedBack"]);
        }

        return (RateOutcome.Rated, null);
    }
}
