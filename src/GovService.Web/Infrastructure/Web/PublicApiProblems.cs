using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GovService.Web.Infrastructure.Web;

/// <summary>
/// Every public API (the OpenAPI document lists only <c>/api/</c> routes) answers its errors as RFC 9457
/// ProblemDetails (<c>application/problem+json</c>): 400 for a request that cannot be read, 404 for what is not there
/// (or not to be told apart from it), 429 past the lookup limit, 500 when the portal fails. The document says so for
/// every operation, so a new API is described without anyone remembering to; the runtime side is
/// <see cref="RateLimits"/> and the error pages' API branch.
/// </summary>
internal sealed class PublicApiProblems : IOpenApiDocumentTransformer
{
    public const string MediaType = "application/problem+json";
    private const string SchemaId = "ProblemDetails";

    private static readonly (string Status, string Description)[] Problems =
    [
        ("400", "The request could not be read (a malformed parameter)."),
        ("404", "Not found, or not to be told apart from not found."),
        ("429", "Too many lookups from this address; Retry-After says when to try again."),
        ("500", "The portal failed; the problem's traceId is in its log."),
    ];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(SchemaId, schema);

        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Responses ??= [];
                foreach (var (status, description) in Problems)
                {
                    var described = operation.Responses.TryGetValue(status, out var declared) && !string.IsNullOrEmpty(declared.Description) ? declared.Description : description;
                    operation.Responses[status] = new OpenApiResponse
                    {
                        Description = described,
                        Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) } },
                    };
                }
            }
        }
    }
}
