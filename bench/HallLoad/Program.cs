// Load driver of bench/hall-display.sh: the county centre's calling displays and its clerks at their peak.
//   displays  N SignalR clients connected as /hall/{hallId}/display connects (GET the page, read data-hall and
//             data-hub, HubConnectionBuilder().WithUrl(hub).WithAutomaticReconnect(), invoke WatchHall(hallId),
//             listen for "called" and "queue")
//   clerks    each signed in with its own cookies and sitting at its own window, looping: POST call-next, GET the
//             panel (the ticket's code), wait until EVERY display has received the "called" message naming that
//             code, then 开始办理 + 办结 (or 过号 for every --absent-every'th call), GET the panel after each post as
//             the browser does, and call again
//   kiosks    before the displays connect, fill the hall's queues (--prefill tickets over every category, GET the
//             kiosk, POST, GET the slip); during the run one new person takes a ticket of the category of each call,
//             so the queues stay as long as they were
// Per call: the call-next POST, the time from sending it until the last display has the call, and every delivery.
// In --mode floor the same displays and clerks run against bench/HallFloor (one hub, one POST that broadcasts a
// message shaped and sized as the portal's): no sign-in, no kiosk, no start/finish.
// Prints the figures and a machine-readable RESULT line; --sample writes one "called" message as received.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using HallLoad;
using Microsoft.AspNetCore.SignalR.Client;

var o = Options.Parse(args);
var floor = o.Mode == "floor";
var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
void Error(string kind) => errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

// Clerks: the given logins (created by the administrator first when asked), one window each.
if (!floor && o.Create.Count > 0)
{
    await Admin.CreateClerksAsync(o.Url, o.HallId, o.Create, o.Password);
    Console.WriteLine($"administrator created {o.Create.Count} clerk logins of the hall: {string.Join(", ", o.Create)}");
}

var clerks = new List<Clerk>();
for (var i = 0; i < o.Windows.Count; i++)
{
    clerks.Add(floor ? Clerk.AtFloor(o.Url, o.HallId, o.Windows[i], i + 1) : await Clerk.SignInAsync(o.Url, o.Accounts[i], o.Password, o.Windows[i]));
}

Console.WriteLine($"{clerks.Count} clerks at windows {string.Join(", ", clerks.Select(c => $"{c.WindowNumber}{c.Letter}"))}");

// Kiosks: the hall's categories, the queues filled before anyone watches.
using var stopping = new CancellationTokenSource();
var kiosk = floor ? null : await Kiosk.OpenAsync(o.Url, o.HallId);
var refills = Channel.CreateUnbounded<char>();
var issued = 0;
if (kiosk is not null)
{
    var started = Stopwatch.StartNew();
    var letters = Kiosk.PeakMix(o.Prefill, kiosk.Letters);
    using var gate = new SemaphoreSlim(4);
    await Task.WhenAll(letters.Select(async letter =>
    {
        await gate.WaitAsync();
        try
        {
            if (await kiosk.IssueAsync(letter)) { Interlocked.Increment(ref issued); } else { Error("kiosk"); }
        }
        finally
        {
            gate.Release();
        }
    }));
    Console.WriteLine($"kiosks issued {issued} tickets in {started.Elapsed.TotalSeconds:F1} s: " +
        string.Join(" ", letters.GroupBy(l => l).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
}

var rssBefore = Proc.RssKb(o.PortalPid);

// Displays.
var deliveries = new Deliveries(o.Displays);
var displays = new List<HubConnection>();
var reconnects = 0;
var closed = 0;
var queueMessages = 0L;
string? sample = null;
var connectClock = Stopwatch.StartNew();
using (var gate = new SemaphoreSlim(16))
{
    var connected = await Task.WhenAll(Enumerable.Range(0, o.Displays).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            return await Display.ConnectAsync(o.Url, o.HallId, connection =>
            {
                connection.On<JsonElement>("called", message =>
                {
                    var at = Stopwatch.GetTimestamp();
                    if (message.TryGetProperty("call", out var call) && call.TryGetProperty("code", out var code) && code.GetString() is { } c)
                    {
                        deliveries.Received(c, at);
                        sample ??= message.GetRawText();
                    }
                    else
                    {
                        Error("called message without call.code");
                    }
                });
                connection.On<JsonElement>("queue", _ => Interlocked.Increment(ref queueMessages));
                connection.Reconnecting += _ => { Interlocked.Increment(ref reconnects); return Task.CompletedTask; };
                connection.Closed += _ => { Interlocked.Increment(ref closed); return Task.CompletedTask; };
            });
        }
        finally
        {
            gate.Release();
        }
    }));
    displays.AddRange(connected);
}

Console.WriteLine($"{displays.Count} displays connected and watching the hall in {connectClock.Elapsed.TotalSeconds:F1} s");
await Task.Delay(TimeSpan.FromSeconds(3));
var rssDisplays = Proc.RssKb(o.PortalPid);

// People keep arriving: one ticket of the called category per call.
var feeders = kiosk is null ? [] : Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
{
    try
    {
        await foreach (var letter in refills.Reader.ReadAllAsync(stopping.Token))
        {
            if (await kiosk.IssueAsync(letter)) { Interlocked.Increment(ref issued); } else { Error("kiosk"); }
        }
    }
    catch (OperationCanceledException)
    {
    }
})).ToList();

var warmup = await RunAsync(TimeSpan.FromSeconds(o.Warmup), measured: false);
Console.WriteLine($"warm-up: {warmup.Calls} calls in {o.Warmup} s");
var cpuBefore = Proc.CpuTicks(o.PortalPid);
var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
var run = await RunAsync(TimeSpan.FromSeconds(o.Seconds), measured: true);
var portalCpuMs = (Proc.CpuTicks(o.PortalPid) - cpuBefore) * 1000.0 / 100;
var selfCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalMilliseconds;
var rssEnd = Proc.RssKb(o.PortalPid);
var rssPeak = Proc.PeakKb(o.PortalPid);
stopping.Cancel();
await Task.WhenAll(feeders);
var stillConnected = displays.Count(d => d.State == HubConnectionState.Connected);
var closedDuringRun = Volatile.Read(ref closed);
await Task.WhenAll(displays.Select(d => d.DisposeAsync().AsTask()));
if (o.SampleFile is { } sampleFile && sample is not null)
{
    await File.WriteAllTextAsync(sampleFile, sample);
}

var errorCount = errors.Values.Sum() + run.Undelivered + (o.Displays - stillConnected);
var rate = run.Calls / run.Elapsed.TotalSeconds;
Console.WriteLine($"timed run: {run.Calls} calls in {run.Elapsed.TotalSeconds:F1} s = {rate:F1}/s by {clerks.Count} clerks, {o.Displays} displays");
Console.WriteLine($"  call-next POST           {Stats.Describe(run.PostMs)}");
Console.WriteLine($"  call → last display      {Stats.Describe(run.LastMs)}");
Console.WriteLine($"  call → each delivery     {Stats.Describe(run.DeliveryMs)}");
Console.WriteLine($"  displays still connected {stillConnected}/{o.Displays}, reconnects {reconnects}, closed {closedDuringRun}; calls not seen by every display within {o.TimeoutSeconds} s: {run.Undelivered}; empty queue at a call: {run.Empty}");
Console.WriteLine($"  \"called\" message {Encoding.UTF8.GetByteCount(sample ?? "")} bytes; \"queue\" messages received {queueMessages}; tickets issued {issued}");
Console.WriteLine($"  errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}")))}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT mode={o.Mode} calls={run.Calls} rate={rate:F2} errors={errorCount} undelivered={run.Undelivered} empty={run.Empty} reconnects={reconnects} connected={stillConnected} " +
    $"post_p50_ms={Stats.P(run.PostMs, 50):F1} post_p95_ms={Stats.P(run.PostMs, 95):F1} post_p99_ms={Stats.P(run.PostMs, 99):F1} " +
    $"last_p50_ms={Stats.P(run.LastMs, 50):F1} last_p95_ms={Stats.P(run.LastMs, 95):F1} last_p99_ms={Stats.P(run.LastMs, 99):F1} " +
    $"each_p50_ms={Stats.P(run.DeliveryMs, 50):F1} each_p95_ms={Stats.P(run.DeliveryMs, 95):F1} each_p99_ms={Stats.P(run.DeliveryMs, 99):F1} " +
    $"rss_before_mb={rssBefore / 1024.0:F0} rss_displays_mb={rssDisplays / 1024.0:F0} rss_end_mb={rssEnd / 1024.0:F0} rss_peak_mb={rssPeak / 1024.0:F0} " +
    $"cpu_per_call_ms={(run.Calls > 0 ? portalCpuMs / run.Calls : 0):F2} cpu_app_pct={portalCpuMs / run.Elapsed.TotalMilliseconds * 100:F0} cpu_driver_pct={selfCpuMs / run.Elapsed.TotalMilliseconds * 100:F0} " +
    $"message_bytes={Encoding.UTF8.GetByteCount(sample ?? "")} queue_messages={queueMessages} issued={issued}"));
return errorCount == 0 && run.Calls > 0 ? 0 : 1;

// Every clerk loops for the duration; the figures of each completed call are kept when measured.
async Task<Run> RunAsync(TimeSpan duration, bool measured)
{
    var result = new Run();
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(clerks.Select(clerk => Task.Run(async () =>
    {
        var next = TimeSpan.Zero;
        while (clock.Elapsed < duration)
        {
            if (o.PaceMs > 0)
            {
                // --pace-ms: this clerk starts a call at most every that many ms (the floor at the portal's call rate).
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                next = clock.Elapsed + TimeSpan.FromMilliseconds(o.PaceMs);
            }

            try
            {
                await OneCallAsync(clerk, result, measured);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Error($"clerk {e.GetType().Name}");
                await Task.Delay(200);
            }
        }
    })));
    result.Elapsed = clock.Elapsed;
    return result;
}

async Task OneCallAsync(Clerk clerk, Run result, bool measured)
{
    var sent = Stopwatch.GetTimestamp();
    var code = await clerk.CallNextAsync(Error);
    var posted = Stopwatch.GetTimestamp();
    if (code is null)
    {
        // Nobody waiting in this window's category (or the day turned at midnight): a person takes a ticket.
        Interlocked.Increment(ref result.Empty);
        await refills.Writer.WriteAsync(clerk.Letter);
        await Task.Delay(250);
        return;
    }

    var delivery = deliveries.For(code);
    var all = await delivery.AllReceived.Task.WaitAsync(TimeSpan.FromSeconds(o.TimeoutSeconds)).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
    if (kiosk is not null)
    {
        await refills.Writer.WriteAsync(code[0]);
    }

    lock (result)
    {
        result.Calls++;
    }

    if (measured)
    {
        lock (result)
        {
            result.PostMs.Add(Stopwatch.GetElapsedTime(sent, posted).TotalMilliseconds);
            if (all)
            {
                result.LastMs.Add(Stopwatch.GetElapsedTime(sent, delivery.Last).TotalMilliseconds);
            }
            else
            {
                result.Undelivered++;
            }

            foreach (var at in delivery.Times())
            {
                result.DeliveryMs.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }
        }
    }

    deliveries.Forget(code);
    await clerk.EndAsync(absent: o.AbsentEvery > 0 && Interlocked.Increment(ref clerk.Calls) % o.AbsentEvery == 0, Error);
    if (o.ThinkMs > 0)
    {
        await Task.Delay(o.ThinkMs);
    }
}

namespace HallLoad
{
    internal sealed class Run
    {
        public int Calls;
        public int Undelivered;
        public int Empty;
        public TimeSpan Elapsed;
        public List<double> PostMs { get; } = [];
        public List<double> LastMs { get; } = [];
        public List<double> DeliveryMs { get; } = [];
    }

    /// <summary>When each display received the call of each code.</summary>
    internal sealed class Deliveries(int displays)
    {
        private readonly ConcurrentDictionary<string, Delivery> _byCode = new(StringComparer.Ordinal);

        public Delivery For(string code) => _byCode.GetOrAdd(code, _ => new Delivery(displays));

        public void Received(string code, long at) => For(code).Add(at);

        public void Forget(string code) => _byCode.TryRemove(code, out _);
    }

    internal sealed class Delivery(int displays)
    {
        private readonly long[] _times = new long[displays];
        private int _count;

        public TaskCompletionSource AllReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Last { get; private set; }

        public void Add(long at)
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i >= _times.Length)
            {
                return; // a recall or a second delivery after a reconnect: the first one counts
            }

            _times[i] = at;
            if (i == _times.Length - 1)
            {
                Last = _times.Max();
                AllReceived.TrySetResult();
            }
        }

        public IEnumerable<long> Times() => _times.Take(Math.Min(Volatile.Read(ref _count), _times.Length)).Where(t => t != 0).ToArray();
    }

    /// <summary>A browser's cookies and no automatic redirects, so each POST is timed alone.</summary>
    internal sealed partial class Browser : IDisposable
    {
        private readonly HttpClient _http;

        public Browser(string url)
        {
            _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromSeconds(30),
            };
            _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        }

        public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
        {
            using var response = await _http.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<(HttpStatusCode Status, string? Location)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await _http.PostAsync(path, content);
            await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }

        public static string Token(string html) =>
            TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on the page");

        public void Dispose() => _http.Dispose();

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();
    }

    internal static class Admin
    {
        /// <summary>平台管理员 adds clerk logins placed at the hall, through /admin/staff/new as an administrator does.</summary>
        public static async Task CreateClerksAsync(string url, Guid hallId, IReadOnlyList<string> userNames, string password)
        {
            using var admin = new Browser(url);
            await Clerk.SignInAsync(admin, "admin", password);
            foreach (var (user, i) in userNames.Select((u, i) => (u, i)))
            {
                var (_, html) = await admin.GetAsync("/admin/staff/new");
                var (status, location) = await admin.PostAsync("/admin/staff/new", [
                    new("__RequestVerificationToken", Browser.Token(html)), new("UserName", user), new("Name", $"压测窗口{i + 1}"),
                    new("Password", password), new("Role", "Clerk"), new("Title", "综合窗口受理员"), new("OfficePhone", $"0793-73201{i:00}"),
                    new("HallId", hallId.ToString()), new("DepartmentId", ""), new("RegionId", "")]);
                if (status != HttpStatusCode.Redirect || location?.Contains("/admin/staff", StringComparison.Ordinal) != true)
                {
                    throw new InvalidOperationException($"creating clerk {user} answered {(int)status} {location}");
                }
            }
        }
    }

    /// <summary>A clerk at a window: the portal's calling panel, or the floor's one endpoint.</summary>
    internal sealed partial class Clerk
    {
        private readonly Browser _browser;
        private readonly string _window;
        private readonly string? _floorHall;
        private string _token = "";
        private string? _ticket;
        private int _floorSequence;
        public int Calls;

        private Clerk(Browser browser, string window, int number, char letter, string? floorHall)
        {
            _browser = browser;
            _window = window;
            WindowNumber = number;
            Letter = letter;
            _floorHall = floorHall;
        }

        public int WindowNumber { get; }

        public char Letter { get; }

        public static async Task SignInAsync(Browser browser, string account, string password)
        {
            var (_, login) = await browser.GetAsync("/account/login");
            var (status, location) = await browser.PostAsync("/account/login", [new("Account", account), new("Password", password), new("__RequestVerificationToken", Browser.Token(login))]);
            if (status != HttpStatusCode.Redirect || location?.Contains("/account/login", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"sign-in of {account} answered {(int)status} {location}");
            }
        }

        public static async Task<Clerk> SignInAsync(string url, string account, string password, string windowId)
        {
            var browser = new Browser(url);
            await SignInAsync(browser, account, password);
            var (status, html) = await browser.GetAsync($"/hall/desk/windows/{windowId}");
            if (status != HttpStatusCode.OK || WaitingLine().Match(html) is not { Success: true } line || WindowTitle().Match(html) is not { Success: true } title)
            {
                throw new InvalidOperationException($"{account} cannot open the panel of window {windowId}: {(int)status}");
            }

            var clerk = new Clerk(browser, windowId, int.Parse(title.Groups[1].Value, CultureInfo.InvariantCulture), line.Groups[1].Value[0], null);
            clerk.Read(html);
            if (clerk._ticket is not null)
            {
                throw new InvalidOperationException($"window {windowId} already has a ticket: start from a fresh database");
            }

            return clerk;
        }

        public static Clerk AtFloor(string url, Guid hallId, string window, int number) => new(new Browser(url), window, number, 'A', hallId.ToString());

        /// <summary>叫号: the POST (what is timed), then the panel the browser is sent to; the code called, or null when nobody waited.</summary>
        public async Task<string?> CallNextAsync(Action<string> error)
        {
            if (_floorHall is not null)
            {
                var floorCode = $"{Letter}{WindowNumber}{Interlocked.Increment(ref _floorSequence):00000}";
                var (s, _) = await _browser.PostAsync($"/hall/{_floorHall}/call", [new("code", floorCode), new("window", WindowNumber.ToString(CultureInfo.InvariantCulture))]);
                if (s != HttpStatusCode.Redirect)
                {
                    error($"call POST {(int)s}");
                    return null;
                }

                return floorCode;
            }

            var (status, _) = await _browser.PostAsync($"/hall/desk/windows/{_window}/call", [new("__RequestVerificationToken", _token)]);
            if (status != HttpStatusCode.Redirect)
            {
                error($"call POST {(int)status}");
            }

            return await PanelAsync(error);
        }

        /// <summary>开始办理 then 办结, or 过号; each POST followed by the panel.</summary>
        public async Task EndAsync(bool absent, Action<string> error)
        {
            if (_floorHall is not null || _ticket is null)
            {
                return;
            }

            string[] steps = absent ? ["absent"] : ["start", "finish"];
            foreach (var step in steps)
            {
                var (status, _) = await _browser.PostAsync($"/hall/desk/windows/{_window}/tickets/{_ticket}/{step}", [new("__RequestVerificationToken", _token)]);
                if (status != HttpStatusCode.Redirect)
                {
                    error($"{step} POST {(int)status}");
                }

                await PanelAsync(error);
            }

            if (_ticket is not null)
            {
                error("ticket still at the window after finish/absent");
            }
        }

        private async Task<string?> PanelAsync(Action<string> error)
        {
            var (status, html) = await _browser.GetAsync($"/hall/desk/windows/{_window}");
            if (status != HttpStatusCode.OK)
            {
                error($"panel GET {(int)status}");
                return null;
            }

            return Read(html);
        }

        private string? Read(string html)
        {
            _token = Browser.Token(html);
            var code = PanelCode().Match(html);
            _ticket = code.Success ? TicketOf().Match(html).Groups[1].Value : null;
            return code.Success ? code.Groups[1].Value : null;
        }

        [GeneratedRegex("data-testid=\"panel-code\">([A-Z][0-9]+)<")]
        private static partial Regex PanelCode();

        [GeneratedRegex("/tickets/([0-9a-f-]{36})/")]
        private static partial Regex TicketOf();

        [GeneratedRegex("data-testid=\"panel-waiting\">([A-Z]) ")]
        private static partial Regex WaitingLine();

        [GeneratedRegex("<h1>[^<0-9]*([0-9]+)")]
        private static partial Regex WindowTitle();
    }

    /// <summary>自助取号机: GET the kiosk, POST a ticket, GET the slip, as a person at the kiosk does.</summary>
    internal sealed partial class Kiosk
    {
        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "欧阳"];
        private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
        private static readonly Dictionary<char, int> Weights = new() { ['A'] = 40, ['B'] = 12, ['C'] = 18, ['D'] = 12, ['E'] = 10, ['F'] = 8 };
        private readonly string _url;
        private readonly Guid _hall;
        private readonly Dictionary<char, string> _categories;
        private readonly ConcurrentBag<Browser> _browsers = [];

        private Kiosk(string url, Guid hall, Dictionary<char, string> categories)
        {
            _url = url;
            _hall = hall;
            _categories = categories;
        }

        public IReadOnlyCollection<char> Letters => _categories.Keys;

        public static async Task<Kiosk> OpenAsync(string url, Guid hall)
        {
            using var browser = new Browser(url);
            var (status, html) = await browser.GetAsync($"/hall/{hall}/kiosk");
            var categories = CategoryInput().Matches(html).ToDictionary(m => m.Groups[1].Value[0], m => m.Groups[2].Value);
            if (status != HttpStatusCode.OK || categories.Count == 0)
            {
                throw new InvalidOperationException($"the kiosk of hall {hall} answered {(int)status} with {categories.Count} categories");
            }

            return new Kiosk(url, hall, categories);
        }

        /// <summary>A peak morning's tickets over the hall's categories, shuffled.</summary>
        public static List<char> PeakMix(int count, IReadOnlyCollection<char> letters)
        {
            var total = letters.Sum(l => Weights.GetValueOrDefault(l, 10));
            var mix = letters.SelectMany(l => Enumerable.Repeat(l, (int)Math.Round(count * (double)Weights.GetValueOrDefault(l, 10) / total))).ToList();
            Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mix));
            return mix;
        }

        public async Task<bool> IssueAsync(char letter)
        {
            if (!_categories.TryGetValue(letter, out var category))
            {
                return false;
            }

            // Each kiosk machine keeps its own cookies; one ticket at a time per machine, as many machines as tickets at once.
            var browser = _browsers.TryTake(out var idle) ? idle : new Browser(_url);
            try
            {
                var (_, page) = await browser.GetAsync($"/hall/{_hall}/kiosk");
                var r = Random.Shared;
                var fields = new List<KeyValuePair<string, string>>
                {
                    new("__RequestVerificationToken", Browser.Token(page)), new("Category", category),
                    new("PersonName", Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)]), new("ItemCode", ""),
                };
                var roll = r.Next(100);
                if (roll < 25)
                {
                    // A quarter give their ID number: born 1940–2000, so some are 60 or older and go first.
                    fields.Add(new("IdNumber", IdNumber(new DateOnly(1940, 1, 1).AddDays(r.Next(60 * 365)))));
                }

                if (roll % 3 == 0)
                {
                    fields.Add(new("Mobile", $"139{r.Next(10_000_000, 99_999_999)}"));
                }

                if (roll == 99)
                {
                    fields.Add(new("Disabled", "true"));
                }

                var (status, location) = await browser.PostAsync($"/hall/{_hall}/kiosk", fields);
                if (status != HttpStatusCode.Redirect || location is null || !location.Contains("/slip", StringComparison.Ordinal))
                {
                    return false;
                }

                return (await browser.GetAsync(location)).Status == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                return false;
            }
            finally
            {
                _browsers.Add(browser);
            }
        }

        /// <summary>A well-formed 18-digit ID number of the county (361131) with its check character.</summary>
        private static string IdNumber(DateOnly birth)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"361131{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):000}");
            int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
            return body + "10X98765432"[sum % 11];
        }

        [GeneratedRegex("id=\"cat-([A-Z])\" value=\"([A-Za-z]+)\"")]
        private static partial Regex CategoryInput();
    }

    internal static partial class Display
    {
        /// <summary>As the display page: GET it, then connect to its hub (default transports, automatic reconnect) and watch its hall.</summary>
        public static async Task<HubConnection> ConnectAsync(string url, Guid hallId, Action<HubConnection> listen)
        {
            using var browser = new Browser(url);
            var (status, html) = await browser.GetAsync($"/hall/{hallId}/display");
            if (status != HttpStatusCode.OK || HubOf().Match(html) is not { Success: true } hub || HallOf().Match(html) is not { Success: true } hall)
            {
                throw new InvalidOperationException($"the display page of hall {hallId} answered {(int)status} without data-hub");
            }

            var connection = new HubConnectionBuilder().WithUrl(new Uri(new Uri(url), hub.Groups[1].Value)).WithAutomaticReconnect().Build();
            listen(connection);
            await connection.StartAsync();
            await connection.InvokeAsync("WatchHall", hall.Groups[1].Value);
            connection.Reconnected += _ => connection.InvokeAsync("WatchHall", hall.Groups[1].Value);
            return connection;
        }

        [GeneratedRegex("data-hub=\"([^\"]+)\"")]
        private static partial Regex HubOf();

        [GeneratedRegex("data-hall=\"([0-9a-f-]{36})\"")]
        private static partial Regex HallOf();
    }

    internal static class Proc
    {
        private static string? Status(int? pid, string key) =>
            pid is { } p && File.Exists($"/proc/{p}/status")
                ? File.ReadLines($"/proc/{p}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))
                : null;

        private static long Kb(string? line) => line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

        public static long RssKb(int? pid) => Kb(Status(pid, "VmRSS"));

        public static long PeakKb(int? pid) => Kb(Status(pid, "VmHWM"));

        /// <summary>User + system CPU of the process, in clock ticks (1/100 s).</summary>
        public static long CpuTicks(int? pid)
        {
            if (pid is not { } p || !File.Exists($"/proc/{p}/stat"))
            {
                return 0;
            }

            var stat = File.ReadAllText($"/proc/{p}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
    }

    internal static class Stats
    {
        public static double P(List<double> values, double percentile)
        {
            if (values.Count == 0)
            {
                return 0;
            }

            var sorted = values.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }

        public static string Describe(List<double> values) => values.Count == 0
            ? "no samples"
            : string.Create(CultureInfo.InvariantCulture, $"p50={P(values, 50):F1} ms p95={P(values, 95):F1} ms p99={P(values, 99):F1} ms max={values.Max():F1} ms ({values.Count} samples)");
    }

    internal sealed record Options(
        string Mode, string Url, Guid HallId, IReadOnlyList<string> Windows, IReadOnlyList<string> Accounts, IReadOnlyList<string> Create, string Password,
        int Displays, int Prefill, int Warmup, int Seconds, int AbsentEvery, int ThinkMs, int PaceMs, int TimeoutSeconds, int? PortalPid, string? SampleFile)
    {
        public static Options Parse(string[] args)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                map[args[i].TrimStart('-')] = args[i + 1];
            }

            string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
            int Int(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            static List<string> List(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var windows = List(Get("windows", ""));
            var accounts = List(Get("accounts", ""));
            var mode = Get("mode", "portal");
            if (windows.Count == 0 || (mode == "portal" && accounts.Count < windows.Count))
            {
                throw new ArgumentException("--windows id,id,… and (portal) as many --accounts are required");
            }

            return new Options(mode, Get("url", "http://127.0.0.1:5096"), Guid.Parse(Get("hall", Guid.Empty.ToString())), windows, accounts,
                List(Get("create", "")), Get("password", "Gov2026demo"), Int("displays", 200), Int("prefill", 400), Int("warmup", 10),
                Int("seconds", 60), Int("absent-every", 10), Int("think-ms", 0), Int("pace-ms", 0), Int("timeout", 10),
                map.TryGetValue("portal-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null, map.GetValueOrDefault("sample"));
        }
    }
}
