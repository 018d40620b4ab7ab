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

    /// <param name="found">The work as the user may see it (both null when they may not).</param>
    /// <param name="posted">The answer as posted.</param>
    /// <param name="errors">The resource keys of the refusals: a missing or long text, work no longer awaiting an answer.</param>
    /// <param name="notices">Who is told of the answer, and what; called once the answer is recorded.</param>
    /// <param name="page">The page to show again with an error.</param>
    public async Task<WorkResult<TPage>> AnswerAsync<TWork, TPage>(
        (TWork? Work, SupervisionViewer? Viewer) found,
        string? posted,
        (string Invalid, string Conflict) errors,
        Func<TWork, Task<IReadOnlyCollection<Notice>>> notices,
        Func<TWork, SupervisionViewer, string, Task<TPage>> page,
        CancellationToken ct)
        where TWork : class, IAnswerable
        where TPage : class
    {
        if (found is not ({ } addressed, { } viewer) || !viewer.MayAnswer(addressed.DepartmentId, addressed.HallId))
        {
            return WorkResult<TPage>.NotFound;
        }

        var text = (posted ?? "").Trim();
        if (text.Length is 0 or > AnswerMax)
        {
            return new(WorkOutcome.Invalid, await page(addressed, viewer, l[errors.Invalid]));
        }

        if (addressed.AwaitsAnswer)
        {
            addressed.RecordAnswer(text, viewer.Staff.Name, clock.GetUtcNow());
            if (await work.SaveAndPostAsync(await notices(addressed), ct))
            {
                return WorkResult<TPage>.Done;
            }
        }

        return new(WorkOutcome.Conflict, await page(addressed, viewer, l[errors.Conflict]));
    }
}
