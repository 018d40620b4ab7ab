using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests.Security;

/// <summary>Cross-site scripting probes: a payload breaking out of an attribute into a script and an image handler, and where to put it.</summary>
public static partial class Xss
{
    public const string Payload = "\"><script>alert(1)</script><img src=x onerror=alert(1)>";

    /// <summary>What the payload looks like when a page lets it through instead of showing it as text.</summary>
    private static readonly string[] Live = ["<script>alert(1)", "<img src=x onerror"];

    /// <summary>
    /// The page's address with the payload in each text parameter of its action: all query parameters at once, then
    /// each text segment of the path in turn. Nothing for routes that are not MVC actions (health, OpenAPI, jobs).
    /// </summary>
    public static IEnumerable<string> Reflections(IServiceProvider services, string route, string url)
    {
        var endpoint = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .FirstOrDefault(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Any(m => route == $"{m} /{(e.RoutePattern.RawText ?? "").TrimStart('/')}"));
        var action = endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>();
        if (endpoint is null || action is null)
        {
            yield break;
        }

        var texts = action.Parameters.Where(p => p.ParameterType == typeof(string)).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inPath = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parts = url.Split('?', 2);
        var query = (parts.Length > 1 ? parts[1] : "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.OrdinalIgnoreCase);
        var queryTexts = texts.Where(t => !inPath.Contains(t)).ToList();
        if (queryTexts.Count > 0)
        {
            foreach (var name in queryTexts)
            {
                query[name] = Uri.EscapeDataString(Payload);
            }

            yield return parts[0] + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));
        }

        var template = (endpoint.RoutePattern.RawText ?? "").TrimStart('/').Split('/');
        var segments = parts[0].TrimStart('/').Split('/');
        for (var i = 0; i < Math.Min(template.Length, segments.Length); i++)
        {
            if (WholeSegmentParameter().Match(template[i]) is { Success: true } parameter && texts.Contains(parameter.Groups[1].Value))
            {
                var probed = (string[])segments.Clone();
                probed[i] = Uri.EscapeDataString(Payload);
                yield return "/" + string.Join('/', probed) + (parts.Length > 1 ? "?" + parts[1] : "");
            }
        }
    }

    /// <summary>The form with the payload in place of each free text (names, opinions, reasons); ids, numbers, codes and choices kept.</summary>
    public static Call Into(Call call) =>
        call with { Fields = [.. call.Fields.Select(f => IsFreeText(f.Value) ? new KeyValuePair<string, string>(f.Key, Payload) : f)] };

    private static bool IsFreeText(string value) =>
        value.Length > 0 && !Guid.TryParse(value, out _) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
        && !DateOnly.TryParse(value, CultureInfo.InvariantCulture, out _) && !Token().IsMatch(value);

    /// <summary>An HTML answer must not carry the payload live; no answer may fail on it, nor redirect to it unescaped.</summary>
    public static async Task CheckAsync(string where, HttpResponseMessage response, List<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{where}: {(int)response.StatusCode}");
        }

        if (response.Headers.Location?.OriginalString is { } location && (location.Contains('<', StringComparison.Ordinal) || location.Contains('"', StringComparison.Ordinal)))
        {
            failures.Add($"{where}: redirects to {location}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return; // JSON, CSV, PDF and files are not rendered as pages (and are served with nosniff)
        }

        var body = await response.Content.ReadAsStringAsync();
        foreach (var live in Live.Where(l => body.Contains(l, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{where}: the page has \"{live}\" unencoded");
        }
    }

    /// <summary>A template segment that is one parameter and nothing else: {number}, {code:regex(...)}.</summary>
    [GeneratedRegex(@"^\{\*{0,2}([A-Za-z]+)(:.*)?\}$")]
    private static partial Regex WholeSegmentParameter();

    /// <summary>Codes, choices, phone and ID numbers, user names and passwords: what a form offers to pick or checks by pattern.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]+$")]
    private static partial Regex Token();
}
