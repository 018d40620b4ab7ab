using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Supervision;

/// <summary>How a use case on one piece of supervision work (an order, a complaint, a work order) ended.</summary>
public enum WorkOutcome
{
    Done,

    /// <summary>No such work, or not the caller's to see or to act on: answered like a missing page.</summary>
    NotFound,

    /// <summary>The posted text is missing or too long (400).</summary>
    Invalid,

    /// <summary>The work is no longer in the state the action needs, perhaps changed by someone else a moment ago (409).</summary>
    Conflict,
}

/// <summary>The outcome and, for a refusal, the page to show again with its error and what was typed.</summary>
public sealed record WorkResult<TPage>(WorkOutcome Outcome, TPage? Page = null)
    where TPage : class
{
    public static readonly WorkResult<TPage> Done = new(WorkOutcome.Done);

    public static readonly WorkResult<TPage> NotFound = new(WorkOutcome.NotFound);
}

internal static class WorkResults
{
    /// <summary>
    /// The response to a use case's result: 404; the flash and a redirect when done; else the page again with 400 or
    /// 409, so a refused post keeps its status, error and typed text the same on every supervision page.
    /// </summary>
    public static IActionResult Respond<TPage>(this Controller controller, WorkResult<TPage> result, string view, string flash, string location)
        where TPage : class
    {
        switch (result.Outcome)
        {
            case WorkOutcome.NotFound:
                return controller.NotFound();
            case WorkOutcome.Done:
                controller.TempData["Flash"] = flash;
                return controller.Redirect(location);
            default:
                controller.Response.StatusCode = result.Outcome == WorkOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
                return controller.View(view, result.Page);
        }
    }
}
