using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Supervision.Rectifications;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Supervision.Controllers;

/// <summary>
/// 差评整改工单: the department (or hall) the bad rating is about calls the applicant back, rectifies and feeds
/// back, or appeals a malicious rating; supervisors of the region follow them and decide appeals.
/// </summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Reviewer},{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("supervision/rectifications")]
public sealed class RectificationsController(RectificationQueries rectifications) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await rectifications.ListAsync(User, ct) is { } list ? View(list) : Forbid();

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await rectifications.PageAsync(id, User, ct) is { } page ? View(page) : NotFound();

    /// <summary>回访 and 整改反馈: the applicant is told and may rate the rectification.</summary>
    [HttpPost("{id:guid}/feedback")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Feedback(
        Guid id,
        [MaxLength(FeedBackRectification.CallbackMax)] string? callback,
        [MaxLength(FeedBackRectification.RectificationMax)] string? rectification,
        [FromServices] FeedBackRectification feedBack,
        CancellationToken ct) =>
        this.Respond(await feedBack.RunAsync(id, User, callback, rectification, ct), "Show", "Rectification.FedBack", $"/supervision/rectifications/{id}");

    /// <summary>申诉: the department holds the rating to be malicious or mistaken; the region's supervisors decide.</summary>
    [HttpPost("{id:guid}/appeal")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Appeal(Guid id, [MaxLength(AppealRating.ReasonMax)] string? reason, [FromServices] AppealRating appeal, CancellationToken ct) =>
        this.Respond(await appeal.RunAsync(id, User, reason, ct), "Show", "Rectification.Appealed", $"/supervision/rectifications/{id}");

    /// <summary>申诉复核 by a supervisor: upheld, the rating stops counting; rejected, the department must still rectify.</summary>
    [HttpPost("{id:guid}/appeal-decision")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DecideAppeal(Guid id, bool upheld, [MaxLength(Rectifications.DecideAppeal.NoteMax)] string? note, [FromServices] DecideAppeal decide, CancellationToken ct) =>
        this.Respond(
            await decide.RunAsync(id, User, upheld, note, ct),
            "Show",
            upheld ? "Rectification.AppealUpheld" : "Rectification.AppealRejected",
            $"/supervision/rectifications/{id}");
}
