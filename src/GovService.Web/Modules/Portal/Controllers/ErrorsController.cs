using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Portal.Controllers;

/// <summary>Friendly pages for 403, 404, 429 and 500, keeping the real status code; under /api, ProblemDetails instead (what the OpenAPI document promises).</summary>
[Area(PortalModule.Name)]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        if (ForApi(HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath))
        {
            return Problem(statusCode: code);
        }

        Response.StatusCode = code;
        return View("Status", code);
    }

    [Route("/error")]
    public IActionResult Unhandled()
    {
        if (ForApi(HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path))
        {
            return Problem(statusCode: StatusCodes.Status500InternalServerError);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", 500);
    }

    private static bool ForApi(string? originalPath) => originalPath?.StartsWith("/api/", StringComparison.Ordinal) == true;
}
