using System.Globalization;
using System.Threading.RateLimiting;
using GovService.Web.Shared.Security;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Infrastructure.Web;

/// <summary>
/// Fixed-window limits per client address and instance (Security:LoginRateLimit, Security:LookupRateLimit:
/// PermitLimit and WindowSeconds): logins and registrations against password guessing, the public lookups against
/// guessing query codes and licence identifiers. A refused request gets 429 with a localised message and when to
/// try again.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var login = Window(configuration.GetSection("Security:LoginRateLimit"), permits: 20);
        var lookup = Window(configuration.GetSection("Security:LookupRateLimit"), permits: 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.Login, http => RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => login));
            options.AddPolicy(RateLimitPolicies.Lookup, http => RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => lookup));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    // The APIs answer every error as ProblemDetails (PublicApiProblems documents it).
                    var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                        Title = "Too Many Requests",
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = l["Login.TooManyAttempts"],
                        Extensions = { ["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier },
                    };
                    await context.HttpContext.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken);
                    return;
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(l["Login.TooManyAttempts"], cancellationToken);
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(IConfiguration section, int permits) => new()
    {
        PermitLimit = section.GetValue("PermitLimit", permits),
        Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60)),
        QueueLimit = 0,
    };

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}
