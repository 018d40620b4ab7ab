using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record MyCasePage(Case Case, IReadOnlyList<CaseMaterial> Materials);

/// <summary>我的办件: a citizen's own cases (and only those), whether applied online or at a window.</summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = Roles.Citizen)]
[Route("my/cases")]
public sealed class MyCasesController(GovDbContext db, TimeProvider clock, ILogger<MyCasesController> logger) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Set<Case>().AsNoTracking()
            .Where(c => c.ApplicantUserId == Me)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(ct));

    [HttpGet("{number}")]
    public async Task<IActionResult> Show(string number, CancellationToken ct)
    {
        // Someone else's number answers exactly like a number that does not exist.
        var mine = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number && c.ApplicantUserId == Me, ct);
        if (mine is null)
        {
            return NotFound();
        }

        var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == mine.Id).OrderBy(m => m.Position).ToListAsync(ct);
        return View(new MyCasePage(mine, materials));
    }

    /// <summary>撤回: the applicant withdraws an application before it is decided.</summary>
    [HttpPost("{number}/withdraw")]
    public async Task<IActionResult> Withdraw(string number, CancellationToken ct)
    {
        var mine = await db.Set<Case>().FirstOrDefaultAsync(c => c.Number == number && c.ApplicantUserId == Me, ct);
        if (mine is null)
        {
            return NotFound();
        }

        if (!mine.CanMoveTo(CaseState.Withdrawn))
        {
            TempData["Flash"] = "MyCases.CannotWithdraw";
            return Redirect($"/my/cases/{number}");
        }

        mine.MoveTo(CaseState.Withdrawn, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Case {CaseNumber} withdrawn by its applicant", number);
        TempData["Flash"] = "MyCases.Withdrawn";
        return Redirect($"/my/cases/{number}");
    }
}
