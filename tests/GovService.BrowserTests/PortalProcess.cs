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

    private PortalInstance? _portal;
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The portal's own database, for a journey that must let time pass (e.g. a due date) without waiting.</summary>
    public string ConnectionString => _database!.ConnectionString;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Run the tests with ./gov.sh test, which installs it (apt-get install chromium fonts-noto-cjk).");
        }

        _database = await TestDatabase.CreateAsync("browser");
        _portal = await PortalInstance.StartAsync(_database.ConnectionString, new Dictionary<string, string>
        {
            // Training setting: the administrator may run the deadline sweep as of a later day (the supervision journey).
            ["Supervision__AllowChosenDate"] = "true",
        });
        BaseUrl = _portal.BaseUrl;

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

    public string Output => _portal?.Output ?? "";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
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
