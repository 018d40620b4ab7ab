using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Controllers;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.MyCases;

internal static class MyCaseFilter
{
    /// <summary>The cases of My cases: the user's own, and the ones an agent filed. Someone else's is as if it did not exist.</summary>
    public static IQueryable<Case> Mine(this IQueryable<Case> cases, Guid user) =>
        cases.Where(c => c.ApplicantUserId == user || c.AgentUserId == user);
}

/// <summary>我的办件 as read: the list, and one case with its timeline, materials, uploads and how its promised date was reached.</summary>
public sealed class MyCaseQueries(GovDbContext db, MaterialFiles files, CaseAnswers answers, IEnumerable<ICaseClockSource> clockSources, IWorkingCalendarProvider calendars, IAgentMandates mandates)
{
    public Task<List<Case>> ListAsync(Guid user, CancellationToken ct) =>
        db.Set<Case>().AsNoTracking().Mine(user).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>The user's case with this number, or null (someone else's answers exactly like one that does not exist).</summary>
    public async Task<MyCasePage?> PageAsync(string number, Guid user, CancellationToken ct)
    {
        var mine = await db.Set<Case>().AsNoTracking().Mine(user).FirstOrDefaultAsync(c => c.Number == number, ct);
        if (mine is null)
        {
            return null;
        }

        var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == mine.Id).OrderBy(m => m.Position).ToListAsync(ct);
        var steps = await db.Set<CaseStep>().AsNoTracking().Where(s => s.CaseId == mine.Id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        ClockExplanation? explained = null;
        foreach (var source in clockSources)
        {
            explained ??= await source.PromisedAsync(mine.Id, ct);
        }

        WorkingDaySpan? span = explained?.Span;
        if (span is null && mine.AcceptedAt is { } accepted && mine.PromisedDueDate is { } due)
        {
            // How the promised date was reached: the working days from the day of acceptance, explained.
            var counted = (await calendars.GetAsync(ct)).CountWorkingDays(DateOnly.FromDateTime(accepted.ToChinaTime()), due);
            span = counted.End == due ? counted : null;
        }

        var linked = mine.BundleKey is { } bundle
            ? await db.Set<Case>().AsNoTracking().Mine(user).Where(c => c.BundleKey == bundle && c.Id != mine.Id).OrderBy(c => c.Number).ToListAsync(ct)
            : [];
        return new MyCasePage(mine, materials, steps, await files.CurrentAsync(mine.Id, ct), span) {
            Linked = linked,
            Clock = explained,
            Answers = await answers.ForAsync(mine, ct),
            AgentActs = mine.AgentUserId is null ? [] : await mandates.ActsOnCaseAsync(mine.Id, ct),
        };
    }
}
