using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace GovService.Web.Infrastructure.Web;

/// <summary>
/// Gives a GET's JSON answer a strong ETag (SHA-256 of the body) and answers 304 Not Modified when the
/// client's If-None-Match already holds it. Stateless, so it works the same on every instance.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ETagAttribute : Attribute, IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ObjectResult { Value: not null, StatusCode: null or 200 } result && HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var body = JsonSerializer.SerializeToUtf8Bytes(result.Value, result.DeclaredType ?? result.Value.GetType(), options);
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
            context.HttpContext.Response.Headers.ETag = etag.ToString();
            context.HttpContext.Response.Headers.CacheControl = "public, max-age=60";
            var requested = context.HttpContext.Request.GetTypedHeaders().IfNoneMatch;
            if (requested.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            }
        }

        await next();
    }
}
