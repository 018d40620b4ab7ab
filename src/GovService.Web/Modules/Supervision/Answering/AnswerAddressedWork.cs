using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Answering;

/// <summary>
/// The one rule for answering addressed work (a 督办单, a 投诉): only the addressed department or hall answers
/// (anyone else: not found), with a text of 1 to <see cref="AnswerMax"/> characters, while the work awaits its answer;
/// the answer and its notices are saved together, and of two answers at once one counts.
/// </summary>
public sealed class AnswerAddressedWork(SupervisionWork work, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int AnswerMax = 2000;

    /// <summary>The outcome and, when refused, the error to show (<paramref name="invalid"/> or <paramref name="conflict"/>, resource keys).</summary>
    public async Task<(WorkOutcome Outcome, string? Error)> AnswerAsync(
        IAnswerable? addressed,
        SupervisionViewer? viewer,
        string? posted,
        Func<Task<IReadOnlyCollection<Notice>>> notices,
        (string Invalid, string Conflict) errors,
        CancellationToken ct)
    {
        if (addressed is null || viewer is null || !viewer.MayAnswer(addressed.DepartmentId, addressed.HallId))
        {
            return (WorkOutcome.NotFound, null);
        }

        var text = (posted ?? "").Trim();
        if (text.Length is 0 or > AnswerMax)
        {
            return (WorkOutcome.Invalid, l[errors.Invalid]);
        }

        if (!addressed.AwaitsAnswer)
        {
            return (WorkOutcome.Conflict, l[errors.Conflict]);
        }

        addressed.RecordAnswer(text, viewer.Staff.Name, clock.GetUtcNow());
        return await work.SaveAndPostAsync(await notices(), ct) ? (WorkOutcome.Done, null) : (WorkOutcome.Conflict, l[errors.Conflict]);
    }
}
