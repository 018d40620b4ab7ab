using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// The one way a case ends (撤回, 终止, 不予受理, 办结, 不予许可). In the caller's transaction it moves the case to
/// its final state, tells every module that holds work for it (<see cref="ICaseClosedHandler"/>: review tasks and
/// claims, clock segments, cards and 督办 close with the reason), cancels the applicant's reminders still queued
/// and tells the applicant (inbox and text message). <see cref="Case.MoveTo"/> refuses final states, so no path
/// can end a case and leave its work open.
/// </summary>
public sealed class CaseClosure(GovDbContext db, IEnumerable<ICaseClosedHandler> handlers, INotifications notifications, ApplicantNotices notices, IStringLocalizer<SharedResource> l)
{
    /// <summary>Proof that the caller is this class: only it can make one.</summary>
    public sealed class Permit
    {
        internal static readonly Permit Instance = new();

        private Permit()
        {
        }
    }

    /// <summary>
    /// Ends <paramref name="c"/> in <paramref name="final"/> with the caller's timeline step (made once the case is in its
    /// final state), then a step saying which work closed, if any did; the caller saves. Must run in the caller's open
    /// transaction: the handlers' set-based changes and the notices commit with the case or not at all.
    /// </summary>
    public async Task CloseAsync(Case c, CaseState final, DateTimeOffset at, string reason, Func<Case, CaseStep> step, CancellationToken ct) =>
        await CloseAsync(c, final, at, reason, step, tellApplicant: true, ct);

    /// <summary>As above; <paramref name="tellApplicant"/> false only for history written after the fact (the demo county's past cases).</summary>
    public async Task CloseAsync(Case c, CaseState final, DateTimeOffset at, string reason, Func<Case, CaseStep> step, bool tellApplicant, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"Case {c.Number} must end inside a transaction: its open work closes with it.");
        }

        c.End(final, at, Permit.Instance);
        var ending = step(c);
        db.Add(ending);
        var closed = new CaseClosed(c.Id, c.Number ?? "", EndingOf(final), reason.Trim(), at.ToUniversalTime());
        var closedWork = new List<string>();
        foreach (var handler in handlers)
        {
            if (await handler.OnClosedAsync(closed, ct) is { Length: > 0 } note)
            {
                closedWork.Add(note);
            }
        }

        if (closedWork.Count > 0)
        {
            db.Add(CaseStep.ByApplicantOrSystem(c, StepActions.WorkClosed, l["CaseStep.System"], at, string.Join("；", closedWork)));
        }

        await notifications.CancelPendingAsync([DeficiencyReminderKey(c.Id)], ct);
        if (tellApplicant)
        {
            await notices.TellAsync(c, ending, ct);
        }
    }

    /// <summary>The key of the 容缺 reminder the reminder job sends a case (cancelled when the case ends first).</summary>
    public static string DeficiencyReminderKey(Guid caseId) => $"deficiency-reminder:{caseId}";

    public static CaseEnding EndingOf(CaseState final) => final switch
    {
        CaseState.Withdrawn => CaseEnding.Withdrawn,
        CaseState.Terminated => CaseEnding.Terminated,
        CaseState.NotAccepted => CaseEnding.NotAccepted,
        CaseState.Completed => CaseEnding.Completed,
        CaseState.Denied => CaseEnding.Denied,
        _ => throw new ArgumentOutOfRangeException(nameof(final), final, "Not a final state."),
    };
}
