using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// Hostile input to every route, taken from the app's endpoint table through the access matrix's rules (so a new
/// route is probed as soon as it has its rule): each text a form or query takes has a bound the app declares, and
/// sent as a user entitled to the route — one character over each bound, a NUL character in every query and form
/// value, page numbers past any list, a multipart body without a boundary or cut off — no answer is a 500, the
/// refusals are 400 (ProblemDetails under /api/), and nothing at all changes in the database.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class HostileInputTests(PortalFactory portal) : IAsyncLifetime
{
    private static readonly string[] PageNumbers = ["2147483647", "99999999999"];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_text_a_form_or_query_takes_has_a_declared_bound()
    {
        var texts = InputBounds.Actions(portal.Services).SelectMany(a => InputBounds.Of(portal.Services, a.Endpoint, a.Action).Select(t => (a.Route, Text: t))).ToList();

        Assert.True(texts.Count >= 100, $"found only {texts.Count} texts: is the enumeration still right?");
        Assert.Contains(texts, t => t.Route.StartsWith("POST /review/tasks/", StringComparison.Ordinal) && t.Text.Field == "Opinion" && t.Text.Max is > 0);
        Assert.Contains(texts, t => t.Text.Field == "Materials[0].Defect" && t.Text.Max == 500);
        Assert.Contains(texts, t => t.Text.Field == "Fields[*]" && t.Text.Max == 500);
        var unbounded = texts.Where(t => t.Text.Max is null).Select(t => $"{t.Route} {t.Text.Field} ({t.Text.Where})").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(
            unbounded.Count == 0,
            $"{unbounded.Count} texts without a bound (give the form's validator a MaximumLength rule, a dictionary Bounded(…), a parameter [MaxLength]; see docs/security.md):\n" + string.Join("\n", unbounded));
    }

    [Fact]
    public async Task No_route_answers_hostile_input_with_a_500_and_none_of_it_changes_anything()
    {
        var world = await AccessWorld.BuildAsync(portal);
        using var sessions = await Sessions.SignInAsync(portal);
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var failures = new List<string>();
        var probes = 0;

        foreach (var rule in AccessMatrixTests.Rules.DistinctBy(r => r.Route))
        {
            var who = AccessMatrixTests.EntitledUser(rule);
            var call = (rule.AllowedRequest ?? rule.Request)(world);
            var (browser, token) = rule.FreshSession ? await sessions.FreshAsync(who) : (sessions[who], sessions.Token(who));
            var api = call.Url.StartsWith("/api/", StringComparison.Ordinal);

            async Task Probe(string probe, Func<Task<HttpResponseMessage>> send, bool refused)
            {
                probes++;
                using var response = await send();
                var status = (int)response.StatusCode;
                var where = $"{rule.Name} as {who}, {probe}: got {status} {IntakeHttp.LocationOf(response)}";
                if (status >= 500)
                {
                    failures.Add(where);
                }
                else if (refused && status != 400)
                {
                    failures.Add($"{where}, expected 400");
                }
                else if (api && status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{where} as {response.Content.Headers.ContentType?.MediaType}, expected ProblemDetails");
                }
            }

            // A NUL character in every query value, and in a query parameter of its own.
            var nulUrl = WithQuery(call.Url, q => [.. q.Select(p => (p.Key, p.Value + "%00")), ("probe", "%00")]);
            if (call.Method == "GET")
            {
                await Probe($"GET {nulUrl}", () => browser.GetAsync(nulUrl), refused: true);
                if (HasPageParameter(rule.Route))
                {
                    foreach (var page in PageNumbers)
                    {
                        var paged = WithQuery(call.Url, q => [.. q.Where(p => p.Key != "page"), ("page", page)]);
                        await Probe($"GET {paged}", () => browser.GetAsync(paged), refused: false);
                    }
                }

                continue;
            }

            await Probe($"POST {nulUrl}", () => AccessMatrix.SendAsync(browser, token, call with { Url = nulUrl }), refused: true);
            if (call.Fields.Count > 0)
            {
                await Probe("NUL in every form value", () => AccessMatrix.SendAsync(browser, token, call with { Fields = [.. call.Fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value + "\0"))] }), refused: true);
            }

            // A body that cannot be read as a form: multipart without a boundary, and one cut off before its closing boundary.
            await Probe("multipart without a boundary", () => PostRawAsync(browser, call.Url, "multipart/form-data", $"--x\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--x--\r\n"), refused: true);
            await Probe("multipart cut off", () => PostRawAsync(browser, call.Url, "multipart/form-data; boundary=x", $"--x\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4"), refused: true);

            // One character over the bound of each text the route takes, the rest of the form as the entitled user sends it.
            foreach (var text in InputBounds.Of(portal.Services, rule.Route).Where(t => t.Max is not null))
            {
                var field = FieldName(text.Field, call);
                var value = new string('长', text.Max!.Value + 1);
                var fields = call.Fields.Where(f => !string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Append(new(field, value)).ToList();
                await Probe($"{field} of {value.Length} characters (at most {text.Max})", () => AccessMatrix.SendAsync(browser, token, call with { Fields = fields }), refused: IsFormModelField(text));
            }
        }

        var changed = DatabaseFingerprint.Changes(before, await DatabaseFingerprint.TakeAsync(portal));
        Assert.True(probes > 300, $"only {probes} probes: is the enumeration still right?");
        Assert.True(failures.Count == 0 && changed.Length == 0, $"{failures.Count} of {probes} hostile requests answered wrongly:\n{string.Join("\n", failures)}\nhostile requests changed: {changed}");
    }

    /// <summary>A form model's field (the validator's message beside it, 400); a bare parameter's refusal is its action's own (a message, 400 or 409, or back to the page).</summary>
    private static bool IsFormModelField(BoundedText text) => text.Where.Contains(": ", StringComparison.Ordinal);

    private bool HasPageParameter(string route) =>
        InputBounds.Actions(portal.Services).Any(a => a.Route == route && a.Action.Parameters.Any(p => p.Name == "page" && p.ParameterType == typeof(int)));

    /// <summary>The posted name of a text: a dictionary's entry under a key the form already posts (only known keys are kept), else a new one.</summary>
    private static string FieldName(string field, Call call)
    {
        if (!field.EndsWith("[*]", StringComparison.Ordinal))
        {
            return field;
        }

        var prefix = field[..^2];
        return call.Fields.Select(f => f.Key).FirstOrDefault(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ?? prefix + "probe]";
    }

    private static string WithQuery(string url, Func<List<(string Key, string Value)>, IEnumerable<(string Key, string Value)>> change)
    {
        var parts = url.Split('?', 2);
        var query = (parts.Length > 1 ? parts[1] : "").Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList();
        return parts[0] + "?" + string.Join('&', change(query).Select(q => $"{q.Key}={q.Value}"));
    }

    private static async Task<HttpResponseMessage> PostRawAsync(Browser browser, string url, string contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await browser.Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
