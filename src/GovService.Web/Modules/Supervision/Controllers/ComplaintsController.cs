using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Supervision.Complaints;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Supervision.Controllers;

/// <summary>投诉 by citizens: about one of their cases (routed to the department handling it) or a hall; answered by a date.</summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Citizen},{Roles.Agent}")]
[Route("my/complaints")]
public sealed class MyComplaintsController(ComplaintQueries complaints) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(64)] string? @case, CancellationToken ct) =>
        View(await complaints.MineAsync(Me, new ComplaintForm(Subject: @case is { Length: > 0 } ? "case:" + @case : null), null, ct));

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> File(ComplaintForm form, [FromServices] FileComplaint file, CancellationToken ct)
    {
        var filing = new ComplaintFiling(Me, User.FindFirstValue(ClaimTypes.GivenName) ?? "", RatingChannels.OfUserAgent(Request.Headers.UserAgent.ToString()), form);
        return this.Respond(await file.RunAsync(filing, ct), "Index", "Complaint.Filed", "/my/complaints");
    }
}

/// <summary>投诉 for staff: the department (or hall) complained about answers by the date; supervisors of the region watch.</summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Reviewer},{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("supervision/complaints")]
public sealed class ComplaintsController(ComplaintQueries complaints) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await complaints.ListAsync(User, ct) is { } list ? View(list) : Forbid();

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await complaints.ShowAsync(id, User, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/answer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Answer(Guid id, [MaxLength(2000)] string? answer, [FromServices] AnswerComplaint answering, CancellationToken ct) =>
        this.Respond(await answering.RunAsync(id, User, answer, ct), "Show", "Complaint.AnswerSent", $"/supervision/complaints/{id}");
}
