using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using GovService.Testing;
using Microsoft.Playwright;

namespace GovService.BrowserTests;

/// <summary>
/// Starts the portal the way a user does, as its own process (<c>dotnet GovService.Web.dll</c>) with
/// the Hangfire server on, against a throwaway database seeded with the demo county; then Debian's
/// Chromium driven by Playwright. Never downloads a browser.
/// </summary>
public sealed class PortalProcess : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly StringBuilder _output = new();
    private Process? _process;
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The portal's own database, for a journey that must let time pass (e.g. a due date) without waiting.</summary>
    public string ConnectionString => _database!.ConnectionString;

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovService.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("GovService.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Run the tests with ./gov.sh test, which installs it (apt-get install chromium fonts-noto-cjk).");
        }

        _database = await TestDatabase.CreateAsync("browser");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryRoot, "src", "GovService.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "GovService.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The portal is not built: {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Gov"] = _database.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Seed__Demo"] = "true";
        start.Environment["Jobs__RunServer"] = "true";
        start.Environment["Certificates__Signing__KeyFile"] = Path.Combine(Path.GetTempPath(), "govservice-browser-tests", "licence-signing.pem");
        start.Environment["Certificates__Signing__GenerateIfMissing"] = "true";
        start.Environment["Security__LoginRateLimit__PermitLimit"] = "1000";
        // Training setting: the administrator may run the deadline sweep as of a later day (the supervision journey).
        start.Environment["Supervision__AllowChosenDate"] = "true";
        start.Environment["Logging__FilePath"] = Path.Combine(Path.GetTempPath(), "govservice-browser-tests", "log-.txt");
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",

            // A phone-sized page says it is a phone, as a real one does (the 好差评 channel is read from it).
            UserAgent = width < 600 ? "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36" : null,
        });
        return await context.NewPageAsync();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri(BaseUrl + "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"The portal was not ready within 90 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<PortalProcess>
{
    public const string Name = "browser";
}
