using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Ratings;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Supervision.Controllers;

/// <summary>The rating sheet; after a refused post, the error and what was typed (so nothing is lost).</summary>
public sealed record RatingPage(RatingSheet Sheet, RatingChannel Channel, long? ErrorStep, string? Error, int? PostedLevel = null, string? PostedComment = null);

/// <summary>
/// 好差评 for the applicant (or agent) of a case: each window interaction and, once finished, the whole case,
/// rated 1–5 with a comment; a bad rating's work order is followed here and its rectification rated. Someone
/// else's case answers 404.
/// </summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Citizen},{Roles.Agent}")]
[Route("my/cases/{number}/rating")]
public sealed class RatingsController(RatingDesk desk) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(string number, CancellationToken ct)
    {
        var sheet = await desk.SheetAsync(number, Me, ct);
        return sheet is null ? NotFound() : View(new RatingPage(sheet, ChannelOfRequest(), null, null));
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Rate(string number, long step, int level, int? channel, [MaxLength(500)] string? comment, [FromServices] GiveRating rate, CancellationToken ct)
    {
        var (outcome, error) = await rate.RunAsync(number, Me, step, level, channel ?? (int)ChannelOfRequest(), comment, ct);
        return await AfterAsync(number, outcome, error, step, level, comment, "Rating.Thanks", ct);
    }

    [HttpPost("rectification/{orderId:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Rerate(string number, Guid orderId, int level, [MaxLength(500)] string? comment, [FromServices] RateRectification rerate, CancellationToken ct)
    {
        var (outcome, error) = await rerate.RunAsync(number, Me, orderId, level, comment, ct);
        return await AfterAsync(number, outcome, error, -1, level, comment, "Rating.RectificationThanks", ct);
    }

    private async Task<IActionResult> AfterAsync(string number, RateOutcome outcome, string? error, long step, int level, string? comment, string thanks, CancellationToken ct)
    {
        switch (outcome)
        {
            case RateOutcome.NotFound:
                return NotFound();
            case RateOutcome.Rated:
                TempData["Flash"] = thanks;
                return Redirect($"/my/cases/{Uri.EscapeDataString(number)}/rating");
            default:
                var sheet = await desk.SheetAsync(number, Me, ct);
                if (sheet is null)
                {
                    return NotFound();
                }

                Response.StatusCode = outcome == RateOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
                return View("Index", new RatingPage(sheet, ChannelOfRequest(), step, error, level, comment));
        }
    }

    /// <summary>评价渠道 of this request: a phone's browser counts as the mobile channel, anything else as PC.</summary>
    private RatingChannel ChannelOfRequest() =>
        RatingChannels.OfUserAgent(Request.Headers.UserAgent.ToString());
}
