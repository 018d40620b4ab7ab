using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Review;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Approval.Controllers;

public sealed record SecondSupplementPage(SecondSupplementRequest Request, IReadOnlyList<CaseMaterialInfo> Materials)
{
    public string MaterialName(int position) => Materials.FirstOrDefault(m => m.Position == position)?.Name ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>二次补正 审批: supervisors approve or refuse a reviewer's second supplement request on a case of their region.</summary>
[Area(ApprovalModule.Name)]
[Authorize(Roles = Roles.Supervisor)]
[Route("supervision/supplements")]
public sealed class SecondSupplementsController(SecondSupplements requests, ICaseRecords cases, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The note's column (<c>decision_note</c>).</summary>
    public const int NoteMax = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var supervisor = await SupervisorAsync(ct);
        return supervisor is null ? Forbid() : View(await requests.ListAsync(supervisor, ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var supervisor = await SupervisorAsync(ct);
        var request = supervisor is null ? null : await requests.FindAsync(id, supervisor, ct);
        return request is null ? NotFound() : View(new SecondSupplementPage(request, await cases.MaterialsAsync(request.CaseId, ct)));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, [MaxLength(16)] string? decision, [MaxLength(NoteMax)] string? note, CancellationToken ct)
    {
        var supervisor = await SupervisorAsync(ct);
        var request = supervisor is null ? null : await requests.FindAsync(id, supervisor, ct);
        if (request is null)
        {
            return NotFound();
        }

        if (decision is not ("approve" or "refuse"))
        {
            return BadRequest();
        }

        // A note over its bound ([MaxLength] above, the column's length) comes back beside the field, nothing decided.
        var result = ModelState.IsValid
            ? await requests.DecideAsync(id, supervisor!, decision == "approve", note ?? "", ct)
            : StepResult.Refused(l["Common.TooLong", NoteMax].Value);
        if (!result.Done)
        {
            ModelState.Remove("note");
            ModelState.AddModelError("note", result.Error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Note"] = note;
            var current = await requests.FindAsync(id, supervisor!, ct) ?? request;
            return View("Show", new SecondSupplementPage(current, await cases.MaterialsAsync(current.CaseId, ct)));
        }

        TempData["Flash"] = decision == "approve" ? "SecondSupplement.ApprovedFlash" : "SecondSupplement.RefusedFlash";
        return Redirect("/supervision/supplements");
    }

    private Task<SupplementSupervisor?> SupervisorAsync(CancellationToken ct) =>
        Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me) ? requests.SupervisorAsync(me, ct) : Task.FromResult<SupplementSupervisor?>(null);
}
