using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Routing;

/// <summary>A case's clock read today: promised and statutory, with the segments behind them.</summary>
public sealed record ClockView(CaseClock Clock, ClockReading Promised, ClockReading Statutory, IReadOnlyList<ClockSegmentRecord> Segments);

/// <summary>
/// Recomputes a case's due dates from its segments on every change, keeps each recomputation, and writes
/// the dates onto the case and the open steps. Natural-day limits (a few items count calendar days) add
/// paused days as calendar days.
/// </summary>
public sealed class ClockKeeper(GovDbContext db, IWorkingCalendarProvider calendars, ICaseRecords cases, TimeProvider clock)
{
    public async Task<ClockView?> ReadAsync(Guid caseId, CancellationToken ct)
    {
        var caseClock = await db.Set<CaseClock>().FindAsync([caseId], ct);
        if (caseClock is null)
        {
            return null;
        }

        var segments = await SegmentsAsync(caseId, ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var inForce = segments.Where(s => s.State == SegmentState.InForce).Select(s => s.ToSegment()).ToList();
        return new ClockView(
            caseClock,
            LegalClock.Read(calendar, caseClock.Start, caseClock.PromisedLimit, caseClock.PromisedInWorkingDays, inForce, today),
            LegalClock.Read(calendar, caseClock.Start, caseClock.StatutoryLimit, caseClock.StatutoryInWorkingDays, inForce, today),
            segments);
    }

    /// <summary>Recomputes and stores the due dates of the case and of its open steps; returns the new reading.</summary>
    public async Task<ClockView> RecomputeAsync(Guid caseId, string reason, CancellationToken ct)
    {
        var view = await ReadAsync(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} has no clock.");
        var c = view.Clock;
        c.PromisedDue = view.Promised.Due;
        c.StatutoryDue = view.Statutory.Due;
        c.PromisedProvisional = view.Promised.IsProvisional;
        c.StatutoryProvisional = view.Statutory.IsProvisional;
        db.Add(new ClockRecomputation
        {
            CaseId = caseId,
            At = clock.GetUtcNow().ToUniversalTime(),
            Reason = reason,
            PromisedDue = c.PromisedDue,
            StatutoryDue = c.StatutoryDue,
            PausedWorkingDays = view.Promised.PausedWorkingDays,
            ExtensionWorkingDays = view.Promised.ExtensionWorkingDays,
        });
        await cases.SetDueDatesAsync(caseId, DueDate.Of(view.Promised), DueDate.Of(view.Statutory), ct);

        var calendar = await calendars.GetAsync(ct);
        var segments = view.Segments.Where(s => s.State == SegmentState.InForce).Select(s => s.ToSegment()).ToList();
        var open = db.ChangeTracker.Entries<ReviewTask>().Select(e => e.Entity).Where(t => t.CaseId == caseId && t.State == TaskState.Open)
            .Concat(await db.Set<ReviewTask>().Where(t => t.CaseId == caseId && t.State == TaskState.Open).ToListAsync(ct))
            .Distinct();
        foreach (var task in open)
        {
            task.DueOn = StepDue(calendar, task, segments);
        }

        return view;
    }

    /// <summary>A step's own due date: from the day it opened, its limit, plus the case's pauses since then.</summary>
    public DateOnly StepDue(WorkingCalendar calendar, ReviewTask task, IReadOnlyList<ClockSegment> segments)
    {
        var opened = task.OpenedOn ?? clock.Today();
        var since = segments
            .Where(s => s.IsPause && (s.To ?? DateOnly.MaxValue) > opened)
            .Select(s => s with { From = s.From < opened ? opened : s.From })
            .ToList();
        return LegalClock.Read(calendar, opened, task.LimitWorkingDays, since, clock.Today()).Due;
    }

    public async Task<List<ClockSegmentRecord>> SegmentsAsync(Guid caseId, CancellationToken ct)
    {
        var stored = await db.Set<ClockSegmentRecord>().Where(s => s.CaseId == caseId).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<ClockSegmentRecord>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId).Select(e => e.Entity);
        return [.. stored.Union(added).OrderBy(s => s.From).ThenBy(s => s.CreatedAt)];
    }
}
