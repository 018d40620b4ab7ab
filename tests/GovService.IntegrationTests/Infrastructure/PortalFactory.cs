using System.Net;
using System.Text.RegularExpressions;
using GovService.Testing;
using GovService.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovService.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal in memory against a real PostgreSQL database of its own. Migrations and seed run
/// through the portal's own start-up, then the database is kept as a template; <see cref="ResetAsync"/>
/// restores it, so every test starts from the freshly seeded demo county. The Hangfire server is off: tests run jobs directly.
/// The shared portal starts on an empty database (its tests check first start-up: every migration applied) and leaves
/// its snapshot as the build's template; every other host (other settings, same data) starts from a copy of it.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public TestClock Clock { get; } = new(Start);

    /// <summary>Settings a derived factory changes (e.g. a strict login rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Whether the last restore may have been written to since (by a test that does not only read).</summary>
    private bool _touched;

    /// <summary>Whether this host migrates and seeds an empty database itself rather than starting from the template.</summary>
    protected virtual bool StartsOnEmptyDatabase => GetType() == typeof(PortalFactory);

    /// <summary>
    /// The template's name: one per build of the portal (its module version id), so a copy never holds the schema
    /// or seed of other code.
    /// </summary>
    private static string Template => $"govtest_tpl_{typeof(Program).Assembly.ManifestModule.ModuleVersionId:N}"[..40];

    public async Task InitializeAsync()
    {
        var purpose = GetType().Name.ToLowerInvariant()[..Math.Min(8, GetType().Name.Length)];
        var copy = StartsOnEmptyDatabase ? null : await TestDatabase.CopyOfTemplateAsync(purpose, Template);
        _database = copy ?? await TestDatabase.CreateAsync(purpose);
        _ = Server; // starts the host: on an empty database, migrations and seed run now
        await _database.SnapshotAsync();
        if (copy is null)
        {
            await _database.PublishAsTemplateAsync(Template);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Gov", ConnectionString);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Hall:NotifyInstances", "false"); // a listening connection would hold the database the tests snapshot and restore
        builder.UseSetting("Certificates:Signing:KeyPem", TestSigningKey.Pem);
        builder.UseSetting("Security:LoginRateLimit:PermitLimit", "10000");
        builder.UseSetting("Security:LookupRateLimit:PermitLimit", "10000");
        builder.UseSetting("Logging:FilePath", Path.Combine(Path.GetTempPath(), "govservice-tests", "log-.txt"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Hashing strength is not under test; 100,000 PBKDF2 rounds per login would dominate the run time.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1000);
        });
    }

    /// <summary>
    /// Puts the database back to the freshly seeded demo county (a copy of the snapshot taken at start) and forgets
    /// what the portal kept in memory from the one replaced: the dashboard's rollups are keyed by the time of the
    /// last figures refresh, which the fake clock repeats from test to test.
    /// </summary>
    public async Task ResetAsync()
    {
        Clock.Set(Start);
        await _database!.RestoreAsync();
        (Services.GetService<IMemoryCache>() as MemoryCache)?.Clear();
        _touched = true;
    }

    /// <summary>
    /// <see cref="ResetAsync"/> for a test that only reads (pages, headers, the API document): the database is
    /// restored only when a test that may write ran since the last restore, so a class of read-only tests shares one.
    /// Such a test may log in, but must not change what another read-only test could see.
    /// </summary>
    public async Task ResetForReadingAsync()
    {
        if (_touched)
        {
            await ResetAsync();
        }

        Clock.Set(Start);
        _touched = false;
    }

    public async Task<T> WithDbAsync<T>(Func<GovDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GovDbContext>());
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public Browser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

[CollectionDefinition(Name)]
public sealed class PortalTests : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}

/// <summary>
/// The portal's clock in the tests: Microsoft's <see cref="FakeTimeProvider"/> (time, timestamps and timers that fire as
/// the fake time passes), held behind the one <see cref="TimeProvider"/> the host is given for its life. A fake time
/// never goes back, by design; a test that starts over earlier (the reset to the morning of 2026-11-23, a scene set
/// in September) gets a fresh fake at that time.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private FakeTimeProvider _time = new(start.ToUniversalTime());

    /// <summary>Moves the clock to <paramref name="now"/>, forwards or back.</summary>
    public void Set(DateTimeOffset now)
    {
        // FakeTimeProvider keeps the offset it is given; the portal's clock answers in UTC, as TimeProvider.System does.
        if (now >= _time.GetUtcNow())
        {
            _time.SetUtcNow(now.ToUniversalTime());
        }
        else
        {
            _time = new FakeTimeProvider(now.ToUniversalTime());
        }
    }

    public void Advance(TimeSpan by) => _time.Advance(by);

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => _time.CreateTimer(callback, state, dueTime, period);
}

/// <summary>Posts forms the way a browser does: reads the antiforgery token from the page first.</summary>
public sealed partial class Browser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="pageUrl"/>, then posts <paramref name="fields"/> with its antiforgery token to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetPageAsync(pageUrl);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {pageUrl}");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))).ToList();
        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    /// <summary>Opens <paramref name="pageUrl"/>, then uploads a file with the page's antiforgery token, as a browser's file form does.</summary>
    public Task<HttpResponseMessage> UploadAsync(string pageUrl, string postUrl, string fileField, string fileName, byte[] content, string contentType, IDictionary<string, string>? fields = null) =>
        PostMultipartAsync(pageUrl, postUrl, fields ?? new Dictionary<string, string>(), [new TestFile(fileField, fileName, content, contentType)]);

    /// <summary>Posts a multipart form (fields and files) with the antiforgery token of the page it came from.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<TestFile> files)
    {
        var token = TokenPattern().Match(await GetPageAsync(pageUrl));
        Assert.True(token.Success, $"no antiforgery token on {pageUrl}");
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            form.Add(part, file.Field, file.Name);
        }

        return await Client.PostAsync(new Uri(postUrl, UriKind.Relative), form);
    }

    public async Task<HttpResponseMessage> PostWithoutTokenAsync(string postUrl, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    public async Task LoginAsync(string account, string password = Demo.Password)
    {
        var response = await SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Account"] = account, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {account} failed: {response.StatusCode}");
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public static class Demo
{
    public const string Password = "Gov2026demo";
    public const string CitizenId = "361131198506120026";
    public const string CitizenMobile = "13800138000";
}

/// <summary>A file posted in a test form, with makers for real-looking scans and for hostile uploads.</summary>
public sealed record TestFile(string Field, string Name, byte[] Content, string ContentType)
{
    /// <summary>A small but well-formed PDF, padded to the given size.</summary>
    public static TestFile Pdf(string field, string name = "scan.pdf", int bytes = 2048)
    {
        return new(field, name, GovService.Testing.SamplePdf.Build(bytes), "application/pdf");
    }

    /// <summary>A one-pixel PNG, whole: signature, IHDR, IDAT and IEND chunks.</summary>
    public static TestFile Png(string field, string name = "photo.png") =>
        new(field, name,
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
            0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
            0x00, 0x05, 0xFE, 0x02, 0xFE, 0x0D, 0xEF, 0x46, 0xB8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ], "image/png");

    /// <summary>A one-pixel baseline JPEG: start of image, JFIF header, tables, frame, scan and end of image.</summary>
    public static TestFile Jpeg(string field, string name = "photo.jpg") =>
        new(field, name,
        [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
            0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64),
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
            0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. Enumerable.Repeat((byte)0, 15), 0x00,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x00,
            0xFF, 0xD9,
        ], "image/jpeg");

    /// <summary>A Windows program renamed to look like a PDF.</summary>
    public static TestFile ExeNamedPdf(string field) =>
        new(field, "营业执照.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00], "application/pdf");
}

/// <summary>A signing key made for this test run only.</summary>
public static class TestSigningKey
{
    public static readonly string Pem = MakePem();

    private static string MakePem()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
