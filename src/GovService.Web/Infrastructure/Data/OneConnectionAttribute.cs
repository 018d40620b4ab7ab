using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Infrastructure.Data;

/// <summary>
/// One database connection for the whole action: the request's <see cref="GovDbContext"/> opens it before the action
/// and closes it after. For actions that send a dozen statements, where taking a pooled connection for each (and
/// resetting it on return) costs both processes more than the statements themselves.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OneConnectionAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<GovDbContext>();
        await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        try
        {
            await next();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
