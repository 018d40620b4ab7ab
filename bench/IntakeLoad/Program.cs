// Load driver of bench/intake.sh: N virtual applicants, each with its own cookies, register as citizens
// (实名注册, which signs them in), then loop over the whole online-application transaction:
//   GET /apply/{code}   the form page (fresh ApplicationKey, antiforgery token)
//   POST /apply/{code}  multipart: contact mobile, every field of the item, one PDF per required material,
//                       action=submit; success is a 302 to /my/cases/{number}
// A warm-up runs first (its cases are counted for the database check, not in the figures), then the
// timed run. Prints the figures and a machine-readable RESULT line; writes every case number received.
//
// Usage: dotnet IntakeLoad.dll --url http://127.0.0.1:5098 --code 000505004000 --users 16
//        --warmup 5 --seconds 20 --file-kb 16 --numbers numbers.txt [--retry-seconds 60]
// With --retry-seconds (bench/faults.sh) a submission that fails (no answer, 5xx) is posted again, the same
// form with the same ApplicationKey, as a person presses "submit" again, until it succeeds or the time is up.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IntakeLoad;

var options = Options.Parse(args);
if (options.WriteForm is { } formFile)
{
    // bench/load.sh: an existing citizen signs in; the form of the item is written for wrk (bench/load-mix.lua):
    // the cookie header, the antiforgery token, then "Fields[key]=value" lines, then the required material positions.
    using var citizen = await Applicant.SignInAsync(options.Url, options.Account ?? throw new InvalidOperationException("--account is required with --write-form"));
    var (html, cookie) = await citizen.ReadFormPageAsync(options.Code);
    var parsed = Forms.ParseApplyForm(html);
    await File.WriteAllLinesAsync(formFile, [
        cookie, Forms.Token(html), "ContactMobile=13512345678",
        .. parsed.Fields.Select(f => $"Fields[{f.Key}]={f.Value}"),
        .. parsed.RequiredMaterials.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
    Console.WriteLine($"form of {options.Code} written for {options.Account}: {parsed.Fields.Count} fields, materials [{string.Join(", ", parsed.RequiredMaterials)}]");
    return 0;
}

var pdf = Forms.FakePdf(options.FileKb * 1024);
var applicants = new List<Applicant>();
try
{
    // Registration hashes a password (PBKDF2) per user: done up front, a few at a time, not timed.
    var runTag = Random.Shared.Next(100, 999);
    using (var gate = new SemaphoreSlim(4))
    {
        var registered = await Task.WhenAll(Enumerable.Range(0, options.Users).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await Applicant.RegisterAsync(options.Url, i, runTag);
            }
            finally
            {
                gate.Release();
            }
        }));
        applicants.AddRange(registered);
    }

    Console.WriteLine($"registered and signed in {applicants.Count} applicants");
    var form = await applicants[0].ReadFormAsync(options.Code);
    Console.WriteLine($"item {options.Code}: {form.Fields.Count} fields, required materials at positions [{string.Join(", ", form.RequiredMaterials)}], {pdf.Length} bytes per file");

    var numbers = new ConcurrentBag<string>();
    var warmup = await RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds));
    Console.WriteLine($"warm-up: {warmup.Ok} submissions, {warmup.ErrorCount} errors");
    var before = CpuSnapshot.Take(options.PortalPid, options.PgDatabase);
    var measured = await RunAsync(TimeSpan.FromSeconds(options.Seconds));
    var cpu = CpuSnapshot.Take(options.PortalPid, options.PgDatabase).Since(before, measured.Elapsed, measured.Ok);

    var duplicates = numbers.Count - numbers.Distinct(StringComparer.Ordinal).Count();
    if (options.NumbersFile is { } path)
    {
        await File.WriteAllLinesAsync(path, numbers.Order(StringComparer.Ordinal));
    }

    var rate = measured.Ok / measured.Elapsed.TotalSeconds;
    Console.WriteLine($"timed run: {measured.Ok} submissions in {measured.Elapsed.TotalSeconds:F1} s = {rate:F1}/s, {measured.ErrorCount} errors, {options.Users} applicants");
    Console.WriteLine($"  GET form     {Stats.Describe(measured.GetMs)}");
    Console.WriteLine($"  POST submit  {Stats.Describe(measured.PostMs)}");
    Console.WriteLine($"  transaction  {Stats.Describe(measured.TxnMs)}");
    Console.WriteLine(cpu.Describe());
    foreach (var (kind, count) in measured.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  error {kind}: {count} (e.g. {measured.Samples.GetValueOrDefault(kind, "")})");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT submissions={measured.Ok} rate={rate:F2} post_p50_ms={Stats.P(measured.PostMs, 50):F1} post_p95_ms={Stats.P(measured.PostMs, 95):F1} post_p99_ms={Stats.P(measured.PostMs, 99):F1} get_p95_ms={Stats.P(measured.GetMs, 95):F1} txn_p50_ms={Stats.P(measured.TxnMs, 50):F1} txn_p95_ms={Stats.P(measured.TxnMs, 95):F1} txn_p99_ms={Stats.P(measured.TxnMs, 99):F1} errors={measured.ErrorCount} {cpu.ResultFields()} total_ok={numbers.Count} duplicates={duplicates} users={options.Users} retried_posts={warmup.Retried + measured.Retried} submissions_retried={warmup.Recovered + measured.Recovered}"));
    return measured.Ok > 0 && duplicates == 0 ? 0 : 1;

    async Task<Phase> RunAsync(TimeSpan length)
    {
        var phase = new Phase();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(length.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(applicants.Select(a => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await a.SubmitOnceAsync(options.Code, form, pdf, phase, numbers, options.RetrySeconds);
            }
        })));
        phase.Elapsed = Stopwatch.GetElapsedTime(started);
        return phase;
    }
}
catch (HttpRequestException e)
{
    await Console.Error.WriteLineAsync($"portal unreachable: {e.Message}");
    return 2;
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
finally
{
    foreach (var a in applicants)
    {
        a.Dispose();
    }
}

namespace IntakeLoad
{
    internal sealed record Options(Uri Url, string Code, int Users, int WarmupSeconds, int Seconds, int FileKb, string? NumbersFile, int? PortalPid, string? PgDatabase, int RetrySeconds, string? WriteForm, string? Account)
    {
        public static Options Parse(string[] args)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                map[args[i].TrimStart('-')] = args[i + 1];
            }

            int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Options(
                new Uri(map.GetValueOrDefault("url", "http://127.0.0.1:5098")),
                map.GetValueOrDefault("code", "000505004000"),
                Int("users", 16),
                Int("warmup", 5),
                Int("seconds", 20),
                Int("file-kb", 16),
                map.GetValueOrDefault("numbers"),
                map.TryGetValue("portal-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
                map.GetValueOrDefault("pg-db"),
                Int("retry-seconds", 0),
                map.GetValueOrDefault("write-form"),
                map.GetValueOrDefault("account"));
        }
    }

    /// <summary>Figures of one phase, filled by every applicant at once.</summary>
    internal sealed class Phase
    {
        private readonly Lock _gate = new();
        public List<double> GetMs { get; } = [];
        public List<double> PostMs { get; } = [];
        public List<double> TxnMs { get; } = [];
        public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Samples { get; } = new(StringComparer.Ordinal);
        public int Ok { get; private set; }
        public int ErrorCount { get; private set; }
        public int Retried { get; private set; }
        public int Recovered { get; private set; }

        public void Retry(bool firstForThisSubmission)
        {
            lock (_gate)
            {
                Retried++;
                Recovered += firstForThisSubmission ? 1 : 0;
            }
        }
        public TimeSpan Elapsed { get; set; }

        public void Success(double getMs, double postMs)
        {
            lock (_gate)
            {
                Ok++;
                GetMs.Add(getMs);
                PostMs.Add(postMs);
                TxnMs.Add(getMs + postMs);
            }
        }

        public void Error(string kind, string sample)
        {
            lock (_gate)
            {
                ErrorCount++;
                Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
                Samples.TryAdd(kind, sample.Length > 300 ? sample[..300] : sample);
            }
        }
    }

    /// <summary>
    /// CPU time (Linux /proc, in clock ticks of 10 ms) of the whole machine, the portal process, the PostgreSQL
    /// backends serving the bench database, and this driver: where the time of a submission goes, and whether
    /// something else was running on the machine during the measurement. PostgreSQL is counted per backend: a
    /// backend that ends between two snapshots (a pool pruning an idle connection, an earlier phase's clients
    /// leaving) takes its whole lifetime's ticks with it, so only backends alive at the end count, each from its
    /// own start or from the first snapshot; the figure can then be a little low, never below zero.
    /// </summary>
    internal sealed record CpuSnapshot(long MachineBusy, long MachineTotal, long Portal, IReadOnlyDictionary<int, long> Postgres, long Driver)
    {
        private const double MsPerTick = 10;

        public static CpuSnapshot Take(int? portalPid, string? database)
        {
            var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = machine.Take(8).Sum();
            var idle = machine[3] + machine[4];
            var postgres = new Dictionary<int, long>();
            if (database is not null)
            {
                foreach (var dir in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(dir), out var pid))
                    {
                        continue;
                    }

                    try
                    {
                        var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                        if (title.StartsWith($"postgres: gov {database} ", StringComparison.Ordinal))
                        {
                            postgres[pid] = ProcessTicks(pid);
                        }
                    }
                    catch (IOException)
                    {
                        // the process ended meanwhile
                    }
                    catch (UnauthorizedAccessException)
                    {
                        // not ours to read
                    }
                }
            }

            return new CpuSnapshot(total - idle, total, portalPid is { } p ? ProcessTicks(p) : 0, postgres, ProcessTicks(Environment.ProcessId));
        }

        public CpuUse Since(CpuSnapshot before, TimeSpan elapsed, int submissions) => new(
            Cores: Environment.ProcessorCount,
            MachinePercent: 100.0 * Environment.ProcessorCount * (MachineBusy - before.MachineBusy) / Math.Max(1, MachineTotal - before.MachineTotal),
            PortalMs: (Portal - before.Portal) * MsPerTick,
            PostgresMs: Postgres.Sum(backend => backend.Value - before.Postgres.GetValueOrDefault(backend.Key)) * MsPerTick,
            DriverMs: (Driver - before.Driver) * MsPerTick,
            Elapsed: elapsed,
            Submissions: submissions);

        private static long ProcessTicks(int pid)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
    }

    internal sealed record CpuUse(int Cores, double MachinePercent, double PortalMs, double PostgresMs, double DriverMs, TimeSpan Elapsed, int Submissions)
    {
        private double Percent(double ms) => 100 * ms / Elapsed.TotalMilliseconds;

        private double Other => Math.Max(0, MachinePercent - Percent(PortalMs) - Percent(PostgresMs) - Percent(DriverMs));

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"  CPU ({Cores} cores = {Cores * 100}%): machine {MachinePercent:F0}% = portal {Percent(PortalMs):F0}% + PostgreSQL {Percent(PostgresMs):F0}% + driver {Percent(DriverMs):F0}% + other processes {Other:F0}%; per submission: portal {PortalMs / Math.Max(1, Submissions):F1} ms, PostgreSQL {PostgresMs / Math.Max(1, Submissions):F1} ms");

        public string ResultFields() => string.Create(CultureInfo.InvariantCulture,
            $"cpu_machine_pct={MachinePercent:F0} cpu_other_pct={Other:F0} cpu_portal_ms={PortalMs / Math.Max(1, Submissions):F1} cpu_pg_ms={PostgresMs / Math.Max(1, Submissions):F1}");
    }

    internal static class Stats
    {
        public static double P(List<double> values, double percentile)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToList();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }

        public static string Describe(List<double> values) => values.Count == 0
            ? "no samples"
            : string.Create(CultureInfo.InvariantCulture, $"p50 {P(values, 50),6:F1} ms  p95 {P(values, 95),6:F1} ms  p99 {P(values, 99),6:F1} ms  max {values.Max(),6:F1} ms  avg {values.Average(),6:F1} ms");
    }

    /// <summary>One virtual applicant: a citizen account and its own cookies (one keep-alive connection).</summary>
    internal sealed class Applicant : IDisposable
    {
        private const string Password = "Gov2026demo";
        private readonly HttpClient _client;

        private readonly CookieContainer _cookies = new();

        private Applicant(Uri baseAddress, string mobile)
        {
            Mobile = mobile;
            _client = new HttpClient(new SocketsHttpHandler
            {
                CookieContainer = _cookies,
                UseCookies = true,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromSeconds(60),
            };
        }

        public string Mobile { get; }

        /// <summary>实名注册 with a valid 公民身份号码 (GB 11643 check character) and mobile; signs the applicant in.</summary>
        public static async Task<Applicant> RegisterAsync(Uri baseAddress, int index, int runTag)
        {
            var birth = new DateOnly(1975, 1, 1).AddDays(index * 397 % 12000);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"361131{birth:yyyyMMdd}{(runTag + index) % 1000:D3}");
            var idNumber = first17 + Forms.CheckCharacter(first17);
            var mobile = string.Create(CultureInfo.InvariantCulture, $"199{runTag:D3}{index:D5}");
            var applicant = new Applicant(baseAddress, mobile);
            var page = await applicant._client.GetStringAsync(new Uri("/account/register", UriKind.Relative));
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = Forms.Token(page),
                ["RealName"] = string.Create(CultureInfo.InvariantCulture, $"压测申请人{index + 1:D2}"),
                ["IdNumber"] = idNumber,
                ["Mobile"] = mobile,
                ["Password"] = Password,
                ["ConfirmPassword"] = Password,
                ["AcceptTerms"] = "true",
            });
            using var response = await applicant._client.PostAsync(new Uri("/account/register", UriKind.Relative), body);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var html = await response.Content.ReadAsStringAsync();
                applicant.Dispose();
                throw new InvalidOperationException($"registration of {idNumber} failed: HTTP {(int)response.StatusCode} {Forms.Problems(html)}");
            }

            return applicant;
        }

        /// <summary>Signs in an existing account with the demo password.</summary>
        public static async Task<Applicant> SignInAsync(Uri baseAddress, string account)
        {
            var applicant = new Applicant(baseAddress, "13512345678");
            var page = await applicant._client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = Forms.Token(page),
                ["Account"] = account,
                ["Password"] = Password,
            });
            using var response = await applicant._client.PostAsync(new Uri("/account/login", UriKind.Relative), body);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                applicant.Dispose();
                throw new InvalidOperationException($"sign-in of {account} failed: HTTP {(int)response.StatusCode}");
            }

            return applicant;
        }

        /// <summary>The form page and the cookie header that goes with its token.</summary>
        public async Task<(string Html, string Cookie)> ReadFormPageAsync(string code)
        {
            var html = await _client.GetStringAsync(new Uri($"/apply/{code}", UriKind.Relative));
            return (html, _cookies.GetCookieHeader(_client.BaseAddress!));
        }

        public async Task<ApplyForm> ReadFormAsync(string code)
        {
            using var response = await _client.GetAsync(new Uri($"/apply/{code}", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET /apply/{code}: HTTP {(int)response.StatusCode} (is the applicant signed in, is the item published?)");
            }

            return Forms.ParseApplyForm(html);
        }

        /// <summary>The whole transaction: the form page, then the submission with its uploads.</summary>
        public async Task SubmitOnceAsync(string code, ApplyForm form, byte[] pdf, Phase phase, ConcurrentBag<string> numbers, int retrySeconds)
        {
            try
            {
                var giveUpAt = Stopwatch.GetTimestamp() + (long)(retrySeconds * Stopwatch.Frequency);
                var affected = false;
                long started;
                string html;
                while (true)
                {
                    // The form page; with retries on, a person reloads it while the portal answers with an error.
                    started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var get = await _client.GetAsync(new Uri($"/apply/{code}", UriKind.Relative));
                        html = await get.Content.ReadAsStringAsync();
                        if (get.StatusCode == HttpStatusCode.OK)
                        {
                            break;
                        }

                        if ((int)get.StatusCode < 500 || Stopwatch.GetTimestamp() > giveUpAt)
                        {
                            phase.Error($"GET {(int)get.StatusCode}", html);
                            return;
                        }
                    }
                    catch (HttpRequestException) when (Stopwatch.GetTimestamp() <= giveUpAt)
                    {
                    }

                    phase.Retry(!affected);
                    affected = true;
                    await Task.Delay(500);
                }

                var getMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var token = Forms.Token(html);
                var key = Forms.ApplicationKey(html);

                while (true)
                {
                    var (status, location, answer, postMs, failure) = await PostAsync(code, form, pdf, token, key);
                    if (status == HttpStatusCode.Redirect && location.StartsWith("/my/cases/", StringComparison.Ordinal))
                    {
                        numbers.Add(location["/my/cases/".Length..]);
                        phase.Success(getMs, postMs);
                        return;
                    }

                    var retryable = failure is not null || (int)status >= 500;
                    if (!retryable || Stopwatch.GetTimestamp() > giveUpAt)
                    {
                        phase.Error(failure ?? $"POST {(int)status}", location.Length > 0 ? "Location: " + location : Forms.Problems(answer));
                        return;
                    }

                    phase.Retry(!affected);
                    affected = true;
                    await Task.Delay(500);
                }
            }
            catch (HttpRequestException e)
            {
                phase.Error("transport", e.Message);
            }
            catch (TaskCanceledException e)
            {
                phase.Error("timeout", e.Message);
            }
        }

        /// <summary>One multipart POST of the submission; a transport failure is reported, not thrown.</summary>
        private async Task<(HttpStatusCode Status, string Location, string Answer, double Ms, string? Failure)> PostAsync(string code, ApplyForm form, byte[] pdf, string token, string key)
        {
            using var body = new MultipartFormDataContent();
            body.Add(new StringContent(token), "__RequestVerificationToken");
            body.Add(new StringContent(key), "ApplicationKey");
            body.Add(new StringContent(Mobile), "ContactMobile");
            foreach (var (name, value) in form.Fields)
            {
                body.Add(new StringContent(value), $"Fields[{name}]");
            }

            foreach (var position in form.RequiredMaterials)
            {
                var file = new ByteArrayContent(pdf);
                file.Headers.ContentType = new("application/pdf");
                body.Add(file, $"material-{position}", $"scan-{position}.pdf");
            }

            body.Add(new StringContent("submit"), "action");
            var posting = Stopwatch.GetTimestamp();
            try
            {
                using var post = await _client.PostAsync(new Uri($"/apply/{code}", UriKind.Relative), body);
                var answer = await post.Content.ReadAsStringAsync();
                return (post.StatusCode, post.Headers.Location?.OriginalString ?? "", answer, Stopwatch.GetElapsedTime(posting).TotalMilliseconds, null);
            }
            catch (HttpRequestException e)
            {
                return (0, "", e.Message, 0, "transport");
            }
            catch (TaskCanceledException e)
            {
                return (0, "", e.Message, 0, "timeout");
            }
        }

        public void Dispose() => _client.Dispose();
    }

    internal sealed record ApplyForm(IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<int> RequiredMaterials);

    internal static partial class Forms
    {
        public static string Token(string html) =>
            Attribute(TokenInput().Match(html).Value, "value") ?? throw new InvalidOperationException("no antiforgery token in the page");

        public static string ApplicationKey(string html) =>
            KeyInput().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no ApplicationKey in the form");

        /// <summary>Every field of the form with a plausible value for its kind; the material slots marked required.</summary>
        public static ApplyForm ParseApplyForm(string html)
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (Match m in SelectControl().Matches(html))
            {
                var option = OptionValue().Matches(m.Groups["options"].Value).Select(o => WebUtility.HtmlDecode(o.Groups[1].Value)).FirstOrDefault(v => v.Length > 0);
                fields.Add(new(WebUtility.HtmlDecode(m.Groups["key"].Value), option ?? ""));
            }

            foreach (Match m in InputControl().Matches(html))
            {
                var value = Attribute(m.Value, "type") switch
                {
                    "date" => "2026-10-30",
                    "number" => "36",
                    _ => "云溪县宏达纺织有限公司",
                };
                fields.Add(new(WebUtility.HtmlDecode(m.Groups["key"].Value), value));
            }

            var required = MaterialLabel().Matches(html)
                .Where(m => m.Groups["label"].Value.Contains("text-danger", StringComparison.Ordinal))
                .Select(m => int.Parse(m.Groups["position"].Value, CultureInfo.InvariantCulture))
                .ToList();
            return new ApplyForm(fields, required);
        }

        /// <summary>The validation messages of a page that came back instead of a redirect.</summary>
        public static string Problems(string html)
        {
            var messages = ErrorText().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (messages.Count > 0)
            {
                return string.Join(" | ", messages);
            }

            return html.Length > 200 ? html[..200] : html;
        }

        /// <summary>ISO 7064 MOD 11-2 check character of a 公民身份号码 (GB 11643-1999).</summary>
        public static char CheckCharacter(string first17)
        {
            int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            var sum = 0;
            for (var i = 0; i < 17; i++)
            {
                sum += (first17[i] - '0') * weights[i];
            }

            return "10X98765432"[sum % 11];
        }

        /// <summary>A small document that starts like a PDF (how the portal recognises one), padded to the size asked.</summary>
        /// <summary>
        /// A well-formed PDF of about the given size, shaped like a scan: a page image whose JPEG data is as
        /// incompressible as a real scan's (pseudo-random bytes, so PostgreSQL cannot shrink it either), and a
        /// cross-reference table with the right offsets.
        /// </summary>
        public static byte[] FakePdf(int bytes)
        {
            var image = new byte[Math.Max(0, bytes - 400)];
            new Random(20261202).NextBytes(image);
            var pdf = new MemoryStream();
            var offsets = new List<long>();
            void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
            Write("%PDF-1.4\n");
            offsets.Add(pdf.Position);
            Write("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
            offsets.Add(pdf.Position);
            Write("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n");
            offsets.Add(pdf.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"3 0 obj << /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {image.Length} >>\nstream\n"));
            pdf.Write(image);
            Write("\nendstream\nendobj\n");
            var xref = pdf.Position;
            Write("xref\n0 4\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
            }

            Write(string.Create(CultureInfo.InvariantCulture, $"trailer << /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
            return pdf.ToArray();
        }

        private static string? Attribute(string tag, string name)
        {
            var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant);
            return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }

        [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
        private static partial Regex TokenInput();

        [GeneratedRegex("name=\"ApplicationKey\" value=\"([0-9a-fA-F-]{36})\"")]
        private static partial Regex KeyInput();

        [GeneratedRegex("<select[^>]*name=\"Fields\\[(?<key>[^\\]]+)\\]\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
        private static partial Regex SelectControl();

        [GeneratedRegex("<input[^>]*name=\"Fields\\[(?<key>[^\\]]+)\\]\"[^>]*>")]
        private static partial Regex InputControl();

        [GeneratedRegex("<option value=\"([^\"]*)\"")]
        private static partial Regex OptionValue();

        [GeneratedRegex("<label for=\"material-(?<position>\\d+)\"[^>]*>(?<label>.*?)</label>", RegexOptions.Singleline)]
        private static partial Regex MaterialLabel();

        [GeneratedRegex("class=\"(?:text-danger[^\"]*|field-validation-error)\"[^>]*>(?:<ul>)?(?:<li>)?([^<]+)<", RegexOptions.Singleline)]
        private static partial Regex ErrorText();
    }
}
