using GovService.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace GovService.Web.Modules.Portal.Controllers;

/// <summary>
/// Friendly pages for the HTTP errors (403, 404, 429, 500…), keeping the real status code; under /api/ the same
/// answer as ProblemDetails. Only real error codes render: /error/0 or /error/200 is a page that does not exist.
/// </summary>
[Area(PortalModule.Name)]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    /// <remarks>
    /// The code is read from the route, not bound: binding would read the form of the request that failed, and a form
    /// refused as unreadable or carrying NUL characters would turn the error page into another error.
    /// </remarks>
    [Route("/error/{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        if (code is < 400 or > 599 || string.IsNullOrEmpty(ReasonPhrases.GetReasonPhrase(code)))
        {
            code = StatusCodes.Status404NotFound;
        }

        return Answer(code, HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath);
    }

    [Route("/error")]
    public IActionResult Unhandled() =>
        Answer(StatusCodes.Status500InternalServerError, HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);

    private IActionResult Answer(int code, string? originalPath)
    {
        var reason = HttpContext.Items[HostileInput.ReasonItem] as string;
        if (originalPath?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Problem(detail: reason, statusCode: code);
        }

        Response.StatusCode = code;
        ViewData["Reason"] = reason;
        return View("Status", code);
    }
}
