using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>
/// An uploaded material, served only to its applicant (or the agent who filed it), to the staff of the hall
/// handling the case and to the reviewers of a department working on it.
/// Anyone else gets 404, exactly as for a file that does not exist.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize]
[Route("cases/files")]
public sealed class CaseFilesController(GovDbContext db, IOrganizationDirectory organization, IEnumerable<Contracts.ICaseReaders> readers, ILogger<CaseFilesController> logger) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        var file = await db.Set<CaseFile>().AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { f.CaseId, f.FileName, f.ContentType })
            .FirstOrDefaultAsync(ct);
        var owner = file is null ? null : await db.Set<Case>().AsNoTracking().Where(c => c.Id == file.CaseId).Select(c => new { c.ApplicantUserId, c.AgentUserId, c.HallId, c.Number }).FirstOrDefaultAsync(ct);
        if (file is null || owner is null || !await MayReadAsync(file.CaseId, owner.ApplicantUserId, owner.AgentUserId, owner.HallId, ct))
        {
            return NotFound();
        }

        var content = await db.Set<CaseFile>().Where(f => f.Id == id).Select(f => f.Content).SingleAsync(ct);
        logger.LogInformation("Material file {FileId} of case {CaseNumber} read by {User}", id, owner.Number, User.Identity?.Name);
        Response.Headers.CacheControl = "private, no-store";
        return File(content, file.ContentType, file.FileName);
    }

    private async Task<bool> MayReadAsync(Guid caseId, Guid? applicant, Guid? agent, Guid? hallId, CancellationToken ct)
    {
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (applicant == me || agent == me)
        {
            return true;
        }

        var staff = await organization.FindStaffAsync(me, ct);
        if (staff is null)
        {
            return false;
        }

        if (staff.HallId is not null && staff.HallId == hallId)
        {
            return true;
        }

        // Reviewers of a department with work on the case (the back office answers).
        foreach (var reader in readers)
        {
            if (await reader.MayReadAsync(staff, caseId, ct))
            {
                return true;
            }
        }

        return false;
    }
}
