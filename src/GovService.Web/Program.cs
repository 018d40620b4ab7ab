using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using GovService.Web;
using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Database;
using GovService.Web.Infrastructure.Jobs;
using GovService.Web.Infrastructure.Logging;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Infrastructure.Validation;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Modules;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

var connectionString = configuration.GetConnectionString("Gov");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("No database configured: set ConnectionStrings__Gov, or start the portal with ./gov.sh run, which starts a local PostgreSQL for you.");
    return 2;
}

// Two defaults for the pool, each kept as the configured connection string gives it if it names it:
// - Statements sent again and again (every page's, every submission's) are prepared once per pooled connection,
//   so PostgreSQL skips parsing and planning them: about 40 % of its CPU per online submission
//   (docs/performance.md). "Max Auto Prepare=0" turns it off.
// - A pooled connection is handed back without the seven-command session reset (SET SESSION AUTHORIZATION
//   DEFAULT; RESET ALL; … DISCARD TEMP) that Npgsql otherwise sends before its next use — twice per online
//   submission. Safe because nothing of the portal leaves session state on a pooled connection: settings are
//   set_config(…, true), locks pg_advisory_xact_lock, temp tables ON COMMIT DROP (transaction-scoped), and the one
//   session lock and Hangfire's installer (SET search_path) use an unpooled connection (DatabaseInitializer).
var configured = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
bool Names(string key) => configured.ContainsKey(key) || configured.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal));
var pool = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
if (!Names("Max Auto Prepare"))
{
    pool.MaxAutoPrepare = 64;
}

if (!Names("No Reset On Close"))
{
    pool.NoResetOnClose = true;
}

connectionString = pool.ConnectionString;

const string LogTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] [{Module}] {Message:lj} {Properties:j}{NewLine}{Exception}";
builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    .Enrich.With<ModuleEnricher>()
    .WriteTo.Console(outputTemplate: LogTemplate, formatProvider: CultureInfo.InvariantCulture)
    .WriteTo.File(
        Path.Combine(context.HostingEnvironment.ContentRootPath, context.Configuration["Logging:FilePath"] ?? "logs/govservice-.log"),
        rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 30,
        outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} " + LogTemplate,
        formatProvider: CultureInfo.InvariantCulture));

var services = builder.Services;
services.TryAddSingleton(TimeProvider.System);
services.AddHttpContextAccessor();
// Chinese text is written as is, not as &#x…; entities (smaller pages, readable source).
services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddSingleton<AuditInterceptor>();
services.AddScoped<AuditChain>();
// Every numbered document (督办, 投诉, 整改 …) is drawn on the request's context, inside its transaction.
services.AddScoped(sp => new GovService.Web.Shared.Numbering.DocumentNumbers(sp.GetRequiredService<GovDbContext>(), sp.GetRequiredService<TimeProvider>()));
// Pooled: a request reuses a context instead of building its internal services again (a fifth of the CPU of a
// light page went there). Per-use settings (the sweep's command timeout) are reset when a context returns.
services.AddDbContextPool<GovDbContext>((sp, options) => options
    .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", GovDbContext.Schema))
    .UseSnakeCaseNamingConvention()
    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
services.Configure<SeedOptions>(configuration.GetSection("Seed"));

// Order matters: hosted services start in registration order, all before Kestrel listens.
services.AddHostedService<DatabaseInitializer>();
services.AddJobs(configuration, connectionString);

services.AddDataProtection()
    .SetApplicationName("GovService")
    .PersistKeysToDbContext<GovDbContext>();

services.AddLocalization(options => options.ResourcesPath = "Resources");
services.Configure<RequestLocalizationOptions>(options =>
{
    CultureInfo[] cultures = [new("zh-CN"), new("en")];
    options.DefaultRequestCulture = new RequestCulture("zh-CN");
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
    // Chinese by default whatever the browser says; English only when the user picks it.
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

services.AddAntiforgery(options =>
{
    options.Cookie.Name = "gov.af";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurity.SecurePolicy;
    options.FormFieldName = "__RequestVerificationToken";
});

services.AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        options.Filters.Add<FluentValidationFilter>();
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        options.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddRazorOptions(options =>
    {
        options.AreaViewLocationFormats.Clear();
        options.AreaViewLocationFormats.Add("/Modules/{2}/Views/{1}/{0}" + RazorViewEngine.ViewExtension);
        options.AreaViewLocationFormats.Add("/Modules/{2}/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
        options.AreaViewLocationFormats.Add("/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
    });
services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped, includeInternalTypes: true);

services.AddAuthorizationBuilder()
    .AddPolicy(Policies.AdminOnly, policy => policy.RequireRole(Roles.Admin));

// Behind a reverse proxy the client's address (rate limits, logs) and scheme come from X-Forwarded-For/-Proto,
// believed only from the proxies configured in ForwardedHeaders:KnownProxies / KnownNetworks (default: none).
services.AddTrustedProxies(configuration);
services.AddProblemDetails();
services.AddOpenApi("v1", options =>
{
    options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
    options.AddDocumentTransformer<PublicApiProblems>();
});
services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
services.AddHealthChecks().AddDbContextCheck<GovDbContext>("database", tags: ["ready"]);
services.AddPublicPageCache(connectionString);
services.AddRateLimits(configuration);
services.AddModules(configuration);

if (args is ["audit", var auditCommand, ..])
{
    // Operator commands (docs/operations.md): run against the configured database, without starting the web server.
    return await AuditCommand.RunAsync(builder, auditCommand);
}

if (args is ["licences", ..])
{
    return await GovService.Web.Modules.Certificates.Rotation.ResignCommand.RunAsync(builder, args);
}

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSerilogRequestLogging(options =>
{
    options.EnrichDiagnosticContext = (diagnostics, http) =>
        diagnostics.Set("Module", http.GetRouteValue("area") as string ?? "Platform");
});
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestLocalization();
app.UseHostileInputGuard();
app.UseAuthentication();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapJobsDashboard();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapModules();
app.MapControllers();

await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
