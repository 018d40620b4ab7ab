using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Shared.Calendar;

namespace GovService.Web.Modules.Intake.Domain;

internal static class CaseDecisions
{
    /// <summary>Tells the modules that act on decisions (certificates), inside the caller's transaction.</summary>
    public static async Task AnnounceAsync(Case c, bool approved, IEnumerable<ICaseDecidedHandler> handlers, DateTimeOffset now, CancellationToken ct)
    {
        var decided = new CaseDecided(c.Id, c.Number ?? "", c.BasicCode, c.ItemName, approved, c.ApplicantName, c.ApplicantIdType, c.ApplicantIdNumber,
            c.ApplicantUserId, c.HallId, DateOnly.FromDateTime(now.ToChinaTime()), c.FormData);
        foreach (var handler in handlers)
        {
            await handler.OnDecidedAsync(decided, ct);
        }
    }
}
