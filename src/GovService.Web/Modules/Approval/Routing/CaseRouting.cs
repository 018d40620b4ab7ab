using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Routing;

/// <summary>
/// 后台分类审批 begins here: an accepted 承诺件 gets its clock and the steps of its item's current routing
/// template (or one deciding step at the implementing department when the item has none), in the accepting
/// transaction. The first stage opens in its departments' queues.
/// </summary>
public sealed class CaseRouting(GovDbContext db, ICaseRecords cases, ICatalogDirectory catalog, ClockKeeper clocks, TimeProvider clock, ILogger<CaseRouting> logger)
    : ICaseAcceptedHandler, ICaseSupplementedHandler, ICaseReaders, ICaseClockSource
{
    public async Task<ClockExplanation?> PromisedAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var view = await clocks.ReadAsync(caseId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var segments = view.Segments.Where(s => s.State == SegmentState.InForce).Select(s => new ClockPauseInfo(
            s.Kind,
            s.From,
            s.To,
            view.Promised.Pauses.FirstOrDefault(p => p.Segment.From == s.From && p.Segment.Kind == s.Kind)?.WorkingDays ?? 0,
            s.ExtraWorkingDays,
            s.ProcedureType.Length > 0 ? $"{s.ProcedureType}：{s.Reason}" : s.Reason)).ToList();
        return new ClockExplanation(view.Clock.Start, view.Clock.PromisedLimit, segments, view.Promised.Span, view.Promised.IsPaused);
    }

    public async Task OnAcceptedAsync(CaseAccepted accepted, CancellationToken cancellationToken)
    {
        if (accepted.CaseKind != 2 || await db.Set<CaseClock>().AnyAsync(c => c.CaseId == accepted.CaseId, cancellationToken))
        {
            return; // 即办件 are decided at the window; a case is routed once.
        }

        var steps = await StepsForAsync(accepted, cancellationToken);
        var summary = await cases.FindAsync(accepted.CaseId, cancellationToken);
        db.Add(new CaseClock
        {
            CaseId = accepted.CaseId,
            Start = accepted.AcceptedOn,
            PromisedLimit = accepted.PromisedLimit,
            PromisedInWorkingDays = accepted.PromisedInWorkingDays,
            StatutoryLimit = accepted.StatutoryLimit,
            StatutoryInWorkingDays = accepted.StatutoryInWorkingDays,
        });

        var first = steps.Min(s => s.Stage);
        var now = clock.GetUtcNow().ToUniversalTime();
        foreach (var step in steps)
        {
            var task = new ReviewTask
            {
                CaseId = accepted.CaseId,
                CaseNumber = accepted.Number,
                ItemName = accepted.ItemName,
                BasicCode = accepted.BasicCode,
                ApplicantName = summary?.ApplicantName ?? "",
                HallId = accepted.HallId,
                TemplateId = step.TemplateId,
                Stage = step.Stage,
                Mode = step.Mode,
                Name = step.Name,
                DepartmentId = step.DepartmentId,
                LimitWorkingDays = step.LimitWorkingDays,
                Decides = step.Decides,
                ChiefMayDecide = step.ChiefMayDecide,
            };
            if (step.Stage == first)
            {
                task.Open(accepted.AcceptedOn, now);
            }

            db.Add(task);
        }

        await clocks.RecomputeAsync(accepted.CaseId, "Accepted", cancellationToken);
        await cases.StartReviewAsync(accepted.CaseId, cancellationToken);
        logger.LogInformation("Case {CaseNumber} routed: {Steps} steps in {Stages} stages", accepted.Number, steps.Count, steps.Select(s => s.Stage).Distinct().Count());
    }

    /// <summary>The applicant answered a 补正 in review: the pause ends today and the dates move on by the days it took.</summary>
    public async Task OnSupplementedAsync(Guid caseId, DateOnly suppliedOn, CancellationToken cancellationToken)
    {
        var open = await db.Set<ClockSegmentRecord>()
            .Where(s => s.CaseId == caseId && s.Kind == ClockSegmentKind.PausedForSupplement && s.To == null)
            .ToListAsync(cancellationToken);
        foreach (var pause in open)
        {
            pause.To = suppliedOn < pause.From ? pause.From : suppliedOn;
        }

        if (open.Count > 0)
        {
            await clocks.RecomputeAsync(caseId, "Supplemented", cancellationToken);
        }
    }

    /// <summary>A reviewer reads a case's files while their department has (or had) a step on it.</summary>
    public Task<bool> MayReadAsync(StaffPlacement staff, Guid caseId, CancellationToken cancellationToken) =>
        staff.DepartmentId is { } department
            ? db.Set<ReviewTask>().AnyAsync(t => t.CaseId == caseId && t.DepartmentId == department && t.State != TaskState.Waiting, cancellationToken)
            : Task.FromResult(false);

    private async Task<List<RouteStep>> StepsForAsync(CaseAccepted accepted, CancellationToken ct)
    {
        var template = await db.Set<RouteTemplate>().AsNoTracking().Include(t => t.Steps)
            .FirstOrDefaultAsync(t => t.BasicCode == accepted.BasicCode && t.IsCurrent, ct);
        if (template is { Steps.Count: > 0 })
        {
            return template.Steps;
        }

        // No template: one step, reviewed and decided by the implementing department within the promised time.
        var item = await catalog.FindPublishedAsync(accepted.BasicCode, ct)
            ?? throw new InvalidOperationException($"Item {accepted.BasicCode} is not published.");
        return [new RouteStep { TemplateId = Guid.Empty, Stage = 1, Mode = StageMode.One, Name = "审查决定", DepartmentId = item.DepartmentId, LimitWorkingDays = Math.Max(1, accepted.PromisedLimit), Decides = true }];
    }
}
