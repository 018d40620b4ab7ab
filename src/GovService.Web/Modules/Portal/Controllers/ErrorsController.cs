using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Portal.Controllers;

/// <summary>Friendly pages for 403, 404, 429 and 500, keeping the real status code.</summary>
[Area(PortalModule.Name)]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return View("Status", code);
    }

    [Route("/error")]
    public IActionResult Unhandled()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", 500);
    }
}
