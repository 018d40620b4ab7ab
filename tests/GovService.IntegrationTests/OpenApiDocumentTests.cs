using System.Net;
using System.Text.Json;
using GovService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// /openapi/v1.json describes every public API — case status, licence verification and keys, the catalog — with its
/// parameters and its errors as ProblemDetails (400, 404, 429, 500), and the APIs answer errors that way.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class OpenApiDocumentTests(PortalFactory portal)
{
    private static readonly string[] ProblemStatuses = ["400", "404", "429", "500"];

    /// <summary>Each public API and the parameters a caller passes.</summary>
    public static TheoryData<string, string[]> PublicApis => new()
    {
        { "/api/v1/cases/{number}/status", ["number", "queryCode"] },
        { "/api/v1/certificates/{identifier}/verify", ["identifier", "code"] },
        { "/api/v1/certificates/keys", [] },
        { "/api/v1/catalog/items", ["q", "audience", "theme", "department", "level", "page", "pageSize"] },
        { "/api/v1/catalog/items/{basicCode}", ["basicCode", "version"] },
        { "/api/v1/catalog/items.csv", [] },
        { "/api/v1/catalog/bundles", [] },
        { "/api/v1/catalog/bundles/{code}", ["code"] },
        { "/api/v1/catalog/departments", [] },
        { "/api/v1/catalog/figures", [] },
    };

    private async Task<JsonElement> DocumentAsync()
    {
        using var anyone = portal.NewBrowser();
        using var response = await anyone.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(PublicApis))]
    public async Task Each_public_api_is_described_with_its_parameters_and_its_errors_as_problem_details(string path, string[] parameters)
    {
        var document = await DocumentAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
        var get = item.GetProperty("get");
        var named = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList() : [];
        Assert.Equal(parameters.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
        var responses = get.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _), $"{path} has no 200");
        foreach (var status in ProblemStatuses)
        {
            Assert.True(responses.TryGetProperty(status, out var problem), $"{path} has no {status}");
            var schema = problem.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
        }

        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.All((string[])["type", "title", "status", "detail", "instance"], name => Assert.True(properties.TryGetProperty(name, out _), $"ProblemDetails has no {name}"));
    }

    [Fact]
    public async Task Every_api_route_of_the_portal_is_in_the_document_and_nothing_else()
    {
        var routes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:[^}]*)?\}", "{$1}"))
            .ToHashSet();
        var documented = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Equal(routes.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        Assert.Equal(routes.Order(StringComparer.Ordinal), PublicApis.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/no-such-api")]
    [InlineData("/api/v1/catalog/items/000000000000")]
    [InlineData("/api/v1/cases/3611312026110300001/status?queryCode=AAAAAA")]
    [InlineData("/api/v1/certificates/1.2.156.3005.2.X/verify?code=AAAAAAAA")]
    public async Task Api_errors_are_problem_details(string url)
    {
        using var anyone = portal.NewBrowser();
        using var response = await anyone.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }
}
