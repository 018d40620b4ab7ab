using System.Security.Claims;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Rectifications;

/// <summary>
/// What one action on a work order needs: a supervisor of the region (else the addressed department or hall), the
/// state it starts from, and the messages of its refusals (resource keys).
/// </summary>
public sealed record RectificationStep(bool BySupervisor, RectificationState From, string InvalidKey, string ConflictKey);

/// <summary>
/// The one way an action on a 整改工单 runs: the work order as the user may see it (else not found), the posted text
/// (else 400), the state the action starts from (else 409), then the change and its notices in one transaction; when
/// someone else acted first, the page shows the work order as it now stands (409). What was typed is kept.
/// </summary>
public sealed class RectificationSteps(RectificationQueries rectifications, SupervisionWork work, IStringLocalizer<SharedResource> l)
{
    /// <param name="act">Changes the work order (and its rating) through their methods and says who is told.</param>
    public async Task<WorkResult<RectificationPage>> RunAsync(
        Guid id,
        ClaimsPrincipal user,
        RectificationStep step,
        bool valid,
        (string Field, string? Value)[] posted,
        Func<RectificationPage, Task<IReadOnlyCollection<Notice>>> act,
        CancellationToken ct)
    {
        var page = await rectifications.PageAsync(id, user, ct);
        if (page is null || !(step.BySupervisor ? page.Viewer.IsSupervisor : page.Viewer.MayAnswer(page.Order.DepartmentId, page.Order.HallId)))
        {
            return WorkResult<RectificationPage>.NotFound;
        }

        if (!valid)
        {
            return page.Refused(WorkOutcome.Invalid, l[step.InvalidKey], posted);
        }

        if (page.Order.State != step.From)
        {
            return page.Refused(WorkOutcome.Conflict, l[step.ConflictKey], posted);
        }

        return await work.SaveAndPostAsync(await act(page), ct)
            ? WorkResult<RectificationPage>.Done
            : (await rectifications.PageAsync(id, user, ct) ?? page).Refused(WorkOutcome.Conflict, l[step.ConflictKey], posted);
    }

    /// <summary>A posted text that is there and, trimmed, at most <paramref name="max"/> characters.</summary>
    public static bool Written(string? text, int max) => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= max;
}
