using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Calendar.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class PlatformTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations() =>
        Assert.False(await portal.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));

    [Fact]
    public async Task Start_up_applied_every_migration() =>
        Assert.Empty(await portal.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));

    [Fact]
    public async Task Tables_live_in_the_gov_schema_with_snake_case_names()
    {
        var tables = await portal.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'gov'")
            .ToListAsync());

        Assert.Contains("org_departments", tables);
        Assert.Contains("acc_users", tables);
        Assert.Contains("cal_days", tables);
        Assert.Contains("ops_audit_entries", tables);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_in_Chinese()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_job_is_registered_with_its_module_prefix_in_Shanghai_time()
    {
        using var scope = portal.Services.CreateScope();
        using var connection = scope.ServiceProvider.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == CalendarCoverageJob.RecurringId);

        Assert.NotNull(job);
        Assert.StartsWith("calendar.", job.Id, StringComparison.Ordinal);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.Equal("0 7 * * *", job.Cron);
    }

    [Fact]
    public void The_intake_deficiency_sweep_is_registered_nightly_in_Shanghai_time()
    {
        using var scope = portal.Services.CreateScope();
        using var connection = scope.ServiceProvider.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == GovService.Web.Modules.Intake.Jobs.DeficiencySweepJob.RecurringId);

        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.Equal("30 0 * * *", job.Cron);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_for_every_instance()
    {
        using var browser = portal.NewBrowser();
        await browser.GetPageAsync("/account/login");

        Assert.True(await portal.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task The_portal_is_Chinese_by_default_whatever_the_browser_asks_and_English_on_request()
    {
        using var browser = portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        Assert.Contains("云溪县政务服务网", await browser.GetPageAsync("/"), StringComparison.Ordinal);

        var switched = await browser.GetAsync("/language?culture=en&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("Yunxi County Government Services", await browser.GetPageAsync("/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_dashboard_speaks_the_administrators_language()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");

        // Hangfire's own Chinese (its zh resources): the page title and the menu.
        var chinese = await admin.GetPageAsync("/ops/jobs");
        Assert.Contains("<title>仪表盘", chinese, StringComparison.Ordinal);
        Assert.Contains("周期性作业", chinese, StringComparison.Ordinal);

        // The language the administrator picks on the portal carries over.
        await admin.GetAsync("/language?culture=en&returnUrl=%2F");
        var english = await admin.GetPageAsync("/ops/jobs");
        Assert.Contains("<title>Overview", english, StringComparison.Ordinal);
        Assert.Contains("Recurring Jobs", english, StringComparison.Ordinal);
        Assert.DoesNotContain("仪表盘", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Care_mode_is_remembered_and_enlarges_the_page()
    {
        using var browser = portal.NewBrowser();
        await browser.GetAsync("/care-mode?on=true&returnUrl=%2F");

        Assert.Contains("<body class=\"care-mode\">", await browser.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_public_pages_are_served_from_the_cache_until_the_content_changes()
    {
        using var browser = portal.NewBrowser();
        var first = await browser.GetPageAsync("/services");
        var second = await browser.GetPageAsync("/services");
        Assert.Equal(first, second);

        var stamp = await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Web.ContentRevision>().Select(r => r.Stamp).SingleAsync());
        using (var admin = portal.NewBrowser())
        {
            await admin.LoginAsync("admin");
            var department = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Organization.Domain.Department>().AsNoTracking().FirstAsync(d => d.ShortName == "民政局"));
            await admin.SubmitAsync($"/admin/departments/{department.Id}", "/admin/departments/save", new Dictionary<string, string>
            {
                ["Id"] = department.Id.ToString(), ["Version"] = department.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Name"] = "云溪县民政局（新址）", ["ShortName"] = department.ShortName, ["CreditCode"] = department.CreditCode,
                ["RegionId"] = department.RegionId.ToString(), ["Phone"] = department.Phone, ["Address"] = department.Address,
            });
        }

        Assert.NotEqual(stamp, await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Web.ContentRevision>().Select(r => r.Stamp).SingleAsync()));
        Assert.Contains("云溪县民政局（新址）", await browser.GetPageAsync("/services"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_taken_in_all_day_do_not_invalidate_the_public_page_cache()
    {
        var stamp = await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Web.ContentRevision>().Select(r => r.Stamp).SingleAsync());
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", "王小明"), new("ApplicantIdNumber", "361131200001010016"), new("ContactMobile", "13700137000"), new("outcome", "supplement") };
        form.AddRange(IntakeHttp.WalkInAnswers);

        var response = await clerk.SubmitAsync("/window/intake/000104004000", "/window/intake/000104004000", form);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(stamp, await portal.WithDbAsync(db => db.Set<GovService.Web.Infrastructure.Web.ContentRevision>().Select(r => r.Stamp).SingleAsync()));
    }

    [Fact]
    public async Task A_language_switch_never_redirects_to_another_site()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync("/language?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
