namespace GovService.Web.Infrastructure.Web;

internal static class SecurityHeaders
{
    /// <summary>
    /// CSP without inline script, no framing, no MIME sniffing, no referrer leaks to other sites. The Hangfire
    /// dashboard (administrators only) styles its pages inline, which the portal's policy blocks: its policy only forbids framing.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/ops/jobs")
                ? "frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next();
        });
}
