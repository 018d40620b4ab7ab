using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Status;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record StatusPage(string? Number, string? QueryCode, bool Searched, CaseStatus? Status);

/// <summary>Public status lookup (办件查询) by case number and query code, without logging in.</summary>
[Area(IntakeModule.Name)]
[AllowAnonymous]
public sealed class StatusController(CaseStatusLookup lookup) : Controller
{
    [HttpGet("/status")]
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    public async Task<IActionResult> Index([MaxLength(64)] string? number, [MaxLength(64)] string? code, CancellationToken ct)
    {
        var searched = !string.IsNullOrWhiteSpace(number) || !string.IsNullOrWhiteSpace(code);
        var status = searched ? await lookup.FindAsync(number, code, ct) : null;
        if (searched && status is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new StatusPage(number, code, searched, status));
    }

    /// <summary>The same lookup as JSON; 404 ProblemDetails when number and query code do not match.</summary>
    [HttpGet("/api/v1/cases/{number}/status")]
    [ApiExplorerSettings(IgnoreApi = false)] // an API on a page controller: listed in /openapi/v1.json
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    [ProducesResponseType<CaseStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Api(string number, [MaxLength(64)] string? queryCode, CancellationToken ct)
    {
        var status = await lookup.FindAsync(number, queryCode, ct);
        return status is null
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No case with this number and query code.")
            : Ok(status);
    }
}
