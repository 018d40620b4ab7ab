using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Jobs;

/// <summary>
/// Reminds the applicants of 容缺受理 cases whose promised materials are due within the next working day
/// and have not arrived: a step on their timeline (with the what-to-do box on My cases) and a text message
/// to the contact mobile through the notification outbox (with an inbox message), in the same transaction. One statement inserts every reminder; a unique index keeps it to one per case,
/// however often the job runs and on however many instances.
/// </summary>
public sealed class DeficiencyReminderJob(GovDbContext db, IWorkingCalendarProvider calendars, TimeProvider clock, IStringLocalizer<SharedResource> l, ApplicantNotices notices)
{
    public const string RecurringId = "intake.deficiency-reminder";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var horizon = (await calendars.GetAsync(cancellationToken)).AddWorkingDays(today, 1).End;
        var now = clock.GetUtcNow();
        var who = l["CaseStep.System"].Value;
        var state = (int)CaseState.AcceptedWithDeficiency;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The conflict target repeats the unique index's filter word for word (a parameter cannot name it); the index
        // and this literal are held to StepActions.DeficiencyReminder by SqlVocabularyTests.
        var reminded = await db.Database.SqlQuery<ReminderRow>($"""
            INSERT INTO gov.int_case_steps (case_id, at, action, state, handler_name, handler_office, handler_phone, note)
            SELECT c.id, {now}, {StepActions.DeficiencyReminder}, c.state, {who}, '', '', to_char(c.deficiency_due_date, 'YYYY-MM-DD')
            FROM gov.int_cases c
            WHERE c.state = {state} AND c.deficiency_due_date >= {today} AND c.deficiency_due_date <= {horizon}
            ON CONFLICT (case_id, action) WHERE action = 'DeficiencyReminder' DO NOTHING
            RETURNING case_id AS "CaseId"
            """).ToListAsync(cancellationToken);

        var ids = reminded.Select(r => r.CaseId).ToList();
        var cases = await db.Set<Case>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(cancellationToken);

        // The steps the statement wrote, as each applicant is told of theirs.
        await notices.TellAsync(
            [.. cases.Select(c => (c, CaseStep.ByApplicantOrSystem(c, StepActions.DeficiencyReminder, who, now, c.DeficiencyDueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")))],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reminded.Count;
    }

    private sealed record ReminderRow(Guid CaseId);
}
