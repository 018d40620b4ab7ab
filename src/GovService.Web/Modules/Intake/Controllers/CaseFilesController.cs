using System.Security.Claims;
using GovService.Web.Modules.Intake.CaseFiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>
/// An uploaded material, served only to its applicant (or the agent who filed it), to the staff of the hall
/// handling the case and to the reviewers of a department working on it.
/// Anyone else gets 404, exactly as for a file that does not exist.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize]
[Route("cases/files")]
public sealed class CaseFilesController(CaseFileAccess access, ILogger<CaseFilesController> logger) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        var file = await access.ReadAsync(id, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        if (file is null)
        {
            return NotFound();
        }

        logger.LogInformation("Material file {FileId} of case {CaseNumber} read by {User}", id, file.CaseNumber, User.Identity?.Name);
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
