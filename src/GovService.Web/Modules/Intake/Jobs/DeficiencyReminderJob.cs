using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Jobs;

/// <summary>
/// Reminds the applicants of 容缺受理 cases whose promised materials are due within the next working day
/// and have not arrived: a step on their timeline (with the what-to-do box on My cases) and a text message
/// to the contact mobile. One statement inserts every reminder; a unique index keeps it to one per case,
/// however often the job runs and on however many instances.
/// </summary>
public sealed class DeficiencyReminderJob(GovDbContext db, IWorkingCalendarProvider calendars, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<DeficiencyReminderJob> logger)
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
        var reminded = await db.Database.SqlQuery<ReminderRow>($"""
            INSERT INTO gov.int_case_steps (case_id, at, action, state, handler_name, handler_office, handler_phone, note)
            SELECT c.id, {now}, 'DeficiencyReminder', c.state, {who}, '', '', to_char(c.deficiency_due_date, 'YYYY-MM-DD')
            FROM gov.int_cases c
            WHERE c.state = {state} AND c.deficiency_due_date >= {today} AND c.deficiency_due_date <= {horizon}
            ON CONFLICT (case_id, action) WHERE action = 'DeficiencyReminder' DO NOTHING
            RETURNING case_id AS "CaseId"
            """).ToListAsync(cancellationToken);

        foreach (var row in reminded)
        {
            var c = await db.Set<Case>().AsNoTracking().Where(x => x.Id == row.CaseId).Select(x => new { x.Number, x.ContactMobile, x.DeficiencyDueDate }).SingleAsync(cancellationToken);
            // Text messages go out through the notification outbox once it exists; until then the message is logged.
            logger.LogInformation("Reminder for case {CaseNumber} to {Mobile}: 容缺 materials due {DueDate}", c.Number, Shared.Identity.MobileNumber.Mask(c.ContactMobile), c.DeficiencyDueDate);
        }

        return reminded.Count;
    }

    private sealed record ReminderRow(Guid CaseId);
}
