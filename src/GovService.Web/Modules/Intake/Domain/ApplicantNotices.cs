using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Localization;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// The one place that tells applicants what happened to their case. Every step of the timeline that concerns them
/// (<see cref="Tells"/>: an online application submitted, a supplement asked for, an acceptance, a pause and its end, an extension, the decision, the
/// licence, the delivery, a 容缺 reminder, the end of the case) becomes a message in the applicant's inbox (when they
/// have an account; the agent who filed it gets a copy) and a short text message to the case's mobile, with the case
/// number. It is written in the applicant's own language — the one kept with their account, Chinese for a walk-in
/// without one — never in the language of the request that caused it (the clerk's or the reviewer's), and posted in
/// the caller's unit of work, so the message exists exactly when the step does.
/// </summary>
public sealed class ApplicantNotices(GovDbContext db, INotifications notifications, IAccountLanguages languages, IOrganizationDirectory organization, ApplicantNoticeWords words)
{
    /// <summary>The steps an applicant is told of; the others (their own uploads, a review step passed inside the back office) are only on the timeline.</summary>
    public static bool Tells(string action) => action is
        StepActions.Submitted or StepActions.SupplementRequested or StepActions.SupplementInReview or StepActions.SupplementedInReview
        or StepActions.Accepted or StepActions.AcceptedWithDeficiency
        or StepActions.SpecialProcedure or StepActions.SpecialProcedureEnded or StepActions.Extended
        or StepActions.Approved or StepActions.ApprovedInReview or StepActions.LicenceIssued or StepActions.DeficiencyReminder
        or StepActions.Delivered or StepActions.Denied or StepActions.NotAccepted or StepActions.Withdrawn or StepActions.Terminated
        or StepActions.ResultArrived;

    /// <summary>Tells the applicant of <paramref name="step"/> (a step of <paramref name="c"/>, added or about to be); nothing for a step they are not told of or a case without a number.</summary>
    public Task TellAsync(Case c, CaseStep step, CancellationToken ct) => TellAsync([(c, step)], ct);

    /// <summary>As above for many cases at once (a job's reminders): the languages read and the notices posted in one go each.</summary>
    public async Task TellAsync(IReadOnlyCollection<(Case Case, CaseStep Step)> events, CancellationToken ct)
    {
        var told = events.Where(e => e.Case.Number is not null && Tells(e.Step.Action)).ToList();
        if (told.Count == 0)
        {
            return;
        }

        var halls = told.Any(e => e.Step.Action is StepActions.Approved or StepActions.ApprovedInReview or StepActions.ResultArrived)
            ? (await organization.HallsAsync(ct)).ToDictionary(h => h.Id, h => h.Name)
            : [];
        var accounts = told.SelectMany(e => new[] { e.Case.ApplicantUserId, e.Case.AgentUserId }).OfType<Guid>().Distinct().ToList();
        var cultures = await languages.OfAsync(accounts, ct);
        string CultureOf(Guid? user) => user is { } id && cultures.TryGetValue(id, out var culture) ? culture : Cultures.Chinese;

        var notices = new List<Notice>();
        foreach (var (c, step) in told)
        {
            var key = await KeyAsync(c, step, ct);
            var link = LinkOf(c, step);
            // The place the applicant collects the result at: the agent's village station when it comes back there, else the receiving hall.
            var hall = (c.CollectingHallId ?? c.HallId) is { } hallId ? halls.GetValueOrDefault(hallId, "") : "";
            var mobile = string.IsNullOrWhiteSpace(c.ContactMobile) ? null : c.ContactMobile.Trim();
            var message = words.Render(c, step, hall, CultureOf(c.ApplicantUserId));
            notices.Add(new Notice(key, c.ApplicantUserId, mobile, message.Title, message.Body, link, message.Sms));
            if (c.AgentUserId is { } agent && agent != c.ApplicantUserId)
            {
                var copy = words.Render(c, step, hall, CultureOf(agent));
                notices.Add(new Notice(key, agent, null, copy.Title, copy.Body, link));
            }
        }

        await notifications.PostAsync(notices, ct);
    }

    /// <summary>
    /// One message per event: the end of a case and the 容缺 reminder keep the keys other code cancels or looks up; a
    /// step that happens once per case is keyed by its action, one that may recur (a supplement, a pause, an extension)
    /// by how many of its kind the case has with this one (its time would not do: two may share an instant).
    /// </summary>
    private async Task<string> KeyAsync(Case c, CaseStep step, CancellationToken ct)
    {
        switch (step.Action)
        {
            case StepActions.DeficiencyReminder:
                return CaseClosure.DeficiencyReminderKey(c.Id);
            case StepActions.Delivered or StepActions.Denied or StepActions.NotAccepted or StepActions.Withdrawn or StepActions.Terminated:
                return $"case-closed:{c.Id}";
            case StepActions.Submitted or StepActions.ResultArrived or StepActions.Accepted or StepActions.AcceptedWithDeficiency or StepActions.Approved or StepActions.ApprovedInReview or StepActions.LicenceIssued:
                return $"case:{c.Id}:{step.Action}";
        }

        var saved = await db.Set<CaseStep>().CountAsync(s => s.CaseId == c.Id && s.Action == step.Action, ct);
        var adding = db.ChangeTracker.Entries<CaseStep>().Count(e => e.State == EntityState.Added && e.Entity.CaseId == c.Id && e.Entity.Action == step.Action);
        return $"case:{c.Id}:{step.Action}:{saved + adding}";
    }

    private static string LinkOf(Case c, CaseStep step) => step.Action switch
    {
        StepActions.LicenceIssued => "/my/licences",
        StepActions.Delivered when c.DeliveryMethod == DeliveryMethod.Electronic => "/my/licences",
        StepActions.Approved or StepActions.ApprovedInReview or StepActions.Denied => $"/my/cases/{c.Number}/notices/decision",
        _ => $"/my/cases/{c.Number}",
    };
}

