using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Infrastructure.Web;

/// <summary>
/// Input no page or API of the portal can take, refused with 400 before anything binds it: a NUL character in the
/// path, a query or a form (PostgreSQL text cannot hold one and nobody types one; let through it ends in a 500 at the
/// database), and a form body that cannot be read (multipart without a boundary, cut off, a malformed part, more
/// values than the form limits allow). Runs after routing, so the form is read with the endpoint's own size limits,
/// and once: the form it reads is the one model binding and the antiforgery check use.
/// </summary>
internal static class HostileInput
{
    /// <summary>The localised reason, for the error page or ProblemDetails that answers the 400.</summary>
    public const string ReasonItem = "HostileInput.Reason";

    public static IApplicationBuilder UseHostileInputGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The error page re-executed for the refusal must not be refused again.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await RefusalAsync(context) is { } refusal)
            {
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.Items[ReasonItem] = l[refusal.Reason].Value;
                context.Response.StatusCode = refusal.Status;
                return;
            }

            await next();
        });

    /// <summary>The status and the resource key of the reason to refuse the request, or null to let it through.</summary>
    private static async Task<(int Status, string Reason)?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (HasNul(Uri.UnescapeDataString(request.Path.Value ?? "")) || request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul)))
        {
            return (StatusCodes.Status400BadRequest, "HostileInput.Nul");
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return (e.StatusCode, "HostileInput.TooLarge"); // over the endpoint's request size limit (413)
        }
        catch (InvalidDataException)
        {
            // No boundary, a malformed part, too many values or too long a key or value; a URL-encoded form with a NUL
            // character is refused by the form reader itself, so this reason names NUL characters too.
            return (StatusCodes.Status400BadRequest, "HostileInput.BadForm");
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return (StatusCodes.Status400BadRequest, "HostileInput.BadForm"); // the body ends before its closing boundary
        }

        return form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul)) || form.Files.Any(f => HasNul(f.FileName) || HasNul(f.Name))
            ? (StatusCodes.Status400BadRequest, "HostileInput.Nul")
            : null;
    }

    private static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
