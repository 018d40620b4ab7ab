using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GovService.Web.Infrastructure.Identity;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed partial class OrganizationAdminTests(PortalFactory portal) : IAsyncLifetime
{
    private const string ValidCreditCode = "1136113101425399XR";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Browser> Admin()
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync("admin");
        return browser;
    }

    /// <summary>The administrator saves a new, valid department (云溪县应急管理局) in the given region.</summary>
    private static Task<HttpResponseMessage> SaveNewDepartmentAsync(Browser admin, Guid regionId) =>
        admin.SubmitAsync("/admin/departments/new", "/admin/departments/save", new Dictionary<string, string>
        {
            ["Name"] = "云溪县应急管理局",
            ["ShortName"] = "应急局",
            ["CreditCode"] = ValidCreditCode,
            ["RegionId"] = regionId.ToString(),
            ["Phone"] = "0793-7321999",
            ["Address"] = "云溪县城关镇人民大道90号",
        });

    /// <summary>The administrator creates a window clerk of the given hall, with the password Shimen2026ok.</summary>
    private static Task<HttpResponseMessage> CreateClerkAsync(Browser admin, Guid hallId, string userName, string name) =>
        admin.SubmitAsync("/admin/staff/new", "/admin/staff/new", new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Name"] = name, ["Role"] = "Clerk", ["Title"] = "综合窗口受理员",
            ["OfficePhone"] = "0793-7310201", ["HallId"] = hallId.ToString(), ["Password"] = "Shimen2026ok",
        });

    private Task<Guid> CountyId() => portal.WithDbAsync(db => db.Set<Region>().Where(r => r.Code == "361131000000").Select(r => r.Id).SingleAsync());

    [Fact]
    public void The_test_credit_code_is_valid() =>
        Assert.True(GovService.Web.Shared.Identity.UnifiedSocialCreditCode.IsValid(ValidCreditCode));

    [Fact]
    public async Task The_seeded_county_has_townships_villages_twelve_departments_and_halls_with_windows()
    {
        var regions = await portal.WithDbAsync(db => db.Set<Region>().ToListAsync());
        Assert.True(regions.Count(r => r.Level == RegionLevel.Township) >= 2);
        Assert.True(regions.Count(r => r.Level == RegionLevel.Village) >= 4);
        Assert.True(await portal.WithDbAsync(db => db.Set<Department>().CountAsync()) >= 12);
        Assert.All(await portal.WithDbAsync(db => db.Set<Department>().ToListAsync()), d => Assert.True(GovService.Web.Shared.Identity.UnifiedSocialCreditCode.IsValid(d.CreditCode)));
        Assert.All(await portal.WithDbAsync(db => db.Set<ServiceHall>().Include(h => h.Windows).ToListAsync()), h => Assert.NotEmpty(h.Windows));
    }

    [Fact]
    public async Task Seeding_an_older_demo_database_again_adds_what_is_missing_and_duplicates_nothing()
    {
        await portal.WithDbAsync(async db =>
        {
            db.Remove(await db.Set<Region>().SingleAsync(r => r.Name == "龙潭村"));
            return await db.SaveChangesAsync();
        });
        var halls = await portal.WithDbAsync(db => db.Set<ServiceHall>().CountAsync());
        var departments = await portal.WithDbAsync(db => db.Set<Department>().CountAsync());

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GovService.Web.Infrastructure.Seed.SeedOptions>>().Value;
            foreach (var seeder in scope.ServiceProvider.GetServices<GovService.Web.Infrastructure.Seed.ISeeder>().OrderBy(x => x.Order))
            {
                await seeder.SeedAsync(options, CancellationToken.None);
            }
        }

        Assert.Equal(halls, await portal.WithDbAsync(db => db.Set<ServiceHall>().CountAsync()));
        Assert.Equal(departments, await portal.WithDbAsync(db => db.Set<Department>().CountAsync()));
        Assert.True(await portal.WithDbAsync(db => db.Set<Region>().AnyAsync(r => r.Name == "龙潭村")));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<Department>().CountAsync(d => d.ShortName == "民政局")));
    }

    [Fact]
    public async Task A_department_with_a_wrong_credit_code_check_character_is_refused_and_not_saved()
    {
        using var admin = await Admin();
        var response = await admin.SubmitAsync("/admin/departments/new", "/admin/departments/save", new Dictionary<string, string>
        {
            ["Name"] = "云溪县应急管理局",
            ["ShortName"] = "应急局",
            ["CreditCode"] = ValidCreditCode[..17] + "0",
            ["RegionId"] = (await CountyId()).ToString(),
            ["Phone"] = "0793-7321999",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("统一社会信用代码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Department>().AnyAsync(d => d.Name == "云溪县应急管理局")));
    }

    [Fact]
    public async Task A_new_department_is_saved_and_the_change_is_audited()
    {
        using var admin = await Admin();
        var response = await SaveNewDepartmentAsync(admin, await CountyId());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var department = await portal.WithDbAsync(db => db.Set<Department>().SingleAsync(d => d.CreditCode == ValidCreditCode));
        var audit = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "Department" && a.EntityId == department.Id.ToString()));
        Assert.Equal("admin", audit.UserName);
        Assert.Equal("Added", audit.Action);
        Assert.Contains("云溪县应急管理局", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hall_responsible_for_a_department_is_its_regions_else_the_county_centre()
    {
        // A department of a region without a hall of its own, saved as an administrator would.
        var hallless = await portal.WithDbAsync(db => db.Set<Region>()
            .Where(r => !db.Set<ServiceHall>().Any(h => h.RegionId == r.Id)).Select(r => r.Id).FirstAsync());
        using (var admin = await Admin())
        {
            await SaveNewDepartmentAsync(admin, hallless);
        }

        var halls = await portal.WithDbAsync(db => db.Set<ServiceHall>().AsNoTracking().ToListAsync());
        var departments = await portal.WithDbAsync(db => db.Set<Department>().AsNoTracking().ToListAsync());
        Assert.Contains(departments, d => d.RegionId == hallless);
        var centre = halls.Single(h => h.Kind == HallKind.CountyCentre).Id;
        using var scope = portal.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Organization.Contracts.IOrganizationDirectory>();
        foreach (var department in departments)
        {
            var own = halls.Where(h => h.RegionId == department.RegionId).OrderBy(h => h.Kind).Select(h => (Guid?)h.Id).FirstOrDefault();
            Assert.Equal(own ?? centre, await directory.ResponsibleHallAsync(department.Id));
        }

        Assert.Equal(centre, await directory.ResponsibleHallAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_duplicate_credit_code_is_refused()
    {
        var existing = await portal.WithDbAsync(db => db.Set<Department>().Select(d => d.CreditCode).FirstAsync());
        using var admin = await Admin();
        var response = await admin.SubmitAsync("/admin/departments/new", "/admin/departments/save", new Dictionary<string, string>
        {
            ["Name"] = "重复部门", ["ShortName"] = "重复", ["CreditCode"] = existing, ["RegionId"] = (await CountyId()).ToString(), ["Phone"] = "0793-7321999",
        });

        Assert.Contains("已被其他部门使用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_page_is_refused_instead_of_overwriting()
    {
        var department = await portal.WithDbAsync(db => db.Set<Department>().AsNoTracking().FirstAsync(d => d.ShortName == "民政局"));
        using var admin = await Admin();
        Dictionary<string, string> Edit(string phone, uint version) => new()
        {
            ["Id"] = department.Id.ToString(), ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = department.Name, ["ShortName"] = department.ShortName, ["CreditCode"] = department.CreditCode,
            ["RegionId"] = department.RegionId.ToString(), ["Phone"] = phone, ["Address"] = department.Address,
        };

        var first = await admin.SubmitAsync($"/admin/departments/{department.Id}", "/admin/departments/save", Edit("0793-7329001", department.Version));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await admin.SubmitAsync($"/admin/departments/{department.Id}", "/admin/departments/save", Edit("0793-7329002", department.Version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("0793-7329001", await portal.WithDbAsync(db => db.Set<Department>().Where(d => d.Id == department.Id).Select(d => d.Phone).SingleAsync()));
    }

    [Fact]
    public async Task A_village_must_sit_under_a_township_with_a_matching_code()
    {
        var county = await CountyId();
        using var admin = await Admin();
        var response = await admin.SubmitAsync("/admin/regions/new", "/admin/regions/save", new Dictionary<string, string>
        {
            ["Code"] = "361131100299", ["Name"] = "新村", ["Level"] = "Village", ["ParentId"] = county.ToString(),
        });

        Assert.Contains("上级区划层级不对", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Region>().AnyAsync(r => r.Code == "361131100299")));
    }

    [Fact]
    public async Task A_window_number_is_unique_within_a_hall()
    {
        var hall = await portal.WithDbAsync(db => db.Set<ServiceHall>().SingleAsync(h => h.Name == "云溪县政务服务中心"));
        using var admin = await Admin();
        var page = $"/admin/halls/{hall.Id}";

        var duplicate = await admin.SubmitAsync(page, $"/admin/halls/{hall.Id}/windows", new Dictionary<string, string> { ["NewWindow.Number"] = "1", ["NewWindow.Name"] = "重复窗口", ["NewWindow.Category"] = "Comprehensive" });
        Assert.Contains("该大厅已有此窗口号", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await admin.SubmitAsync(page, $"/admin/halls/{hall.Id}/windows", new Dictionary<string, string> { ["NewWindow.Number"] = "10", ["NewWindow.Name"] = "10号综合受理窗口", ["NewWindow.Category"] = "Comprehensive" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Set<ServiceWindow>().AnyAsync(w => w.HallId == hall.Id && w.Number == 10)));
    }

    [Fact]
    public async Task An_administrator_creates_a_clerk_who_can_then_sign_in_and_sees_the_window_desk()
    {
        var hall = await portal.WithDbAsync(db => db.Set<ServiceHall>().SingleAsync(h => h.Name == "石门镇便民服务中心"));
        using var admin = await Admin();
        var response = await CreateClerkAsync(admin, hall.Id, "clerk.shimen", "郑芳");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk.shimen", "Shimen2026ok");
        Assert.Contains("石门镇便民服务中心", await clerk.GetPageAsync("/workplace"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_changes_are_in_the_audit_trail_with_who_made_them_but_never_a_password_hash()
    {
        var hall = await portal.WithDbAsync(db => db.Set<ServiceHall>().SingleAsync(h => h.Name == "石门镇便民服务中心"));
        using var admin = await Admin();
        await CreateClerkAsync(admin, hall.Id, "clerk.audit", "审计员");
        var account = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "clerk.audit"));
        var staff = await portal.WithDbAsync(db => db.Set<StaffMember>().SingleAsync(s => s.UserId == account.Id));

        // A wrong password (anonymous), then the administrator locks the account.
        using (var stranger = portal.NewBrowser())
        {
            await stranger.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Account"] = "clerk.audit", ["Password"] = "Wrong2026pass" });
        }

        await admin.SubmitAsync("/admin/staff", $"/admin/staff/{staff.Id}/lock", new Dictionary<string, string> { ["locked"] = "true" });

        var trail = await portal.WithDbAsync(db => db.AuditEntries
            .Where(a => (a.EntityType == "AppUser" && a.EntityId == account.Id.ToString()) || (a.EntityType == "AppUserRole" && a.EntityId.StartsWith(account.Id.ToString())))
            .OrderBy(a => a.Id).ToListAsync());
        var created = trail.First(a => a.EntityType == "AppUser" && a.Action == "Added");
        Assert.Equal("admin", created.UserName);
        Assert.Contains("\"PasswordHash\": \"(set)\"", created.After, StringComparison.Ordinal);
        var role = Assert.Single(trail, a => a.EntityType == "AppUserRole");
        Assert.Equal(("admin", "Added"), (role.UserName, role.Action));
        var failed = Assert.Single(trail, a => a.Before?.Contains("\"AccessFailedCount\": 0", StringComparison.Ordinal) == true && a.After!.Contains("\"AccessFailedCount\": 1", StringComparison.Ordinal));
        Assert.StartsWith("anonymous (", failed.UserName, StringComparison.Ordinal);
        var locked = trail.Last();
        Assert.Equal(("admin", "Modified"), (locked.UserName, locked.Action));
        Assert.Contains("\"LockoutEnd\": null", locked.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("\"LockoutEnd\": null", locked.After, StringComparison.Ordinal);

        // Nobody changed the password: no entry says so (Identity marks every property of an updated account as modified).
        Assert.All(trail, a => Assert.DoesNotContain("(changed)", a.After ?? "", StringComparison.Ordinal));
        var hash = (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == account.Id))).PasswordHash!;
        Assert.All(trail, a => Assert.DoesNotContain(hash, (a.Before ?? "") + a.After, StringComparison.Ordinal));
        Assert.All(trail, a => Assert.DoesNotContain(account.SecurityStamp!, (a.Before ?? "") + a.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clerk_without_a_hall_or_with_a_weak_password_is_refused_with_reasons()
    {
        using var admin = await Admin();
        var response = await admin.SubmitAsync("/admin/staff/new", "/admin/staff/new", new Dictionary<string, string>
        {
            ["UserName"] = "clerk.nohall", ["Name"] = "无大厅", ["Role"] = "Clerk", ["OfficePhone"] = "0793-7310201", ["Password"] = "short",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("须选择所在大厅", html, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "clerk.nohall")));

        var weak = await admin.SubmitAsync("/admin/staff/new", "/admin/staff/new", new Dictionary<string, string>
        {
            ["UserName"] = "clerk.weak", ["Name"] = "弱密码", ["Role"] = "Reviewer", ["OfficePhone"] = "0793-7310201",
            ["DepartmentId"] = (await portal.WithDbAsync(db => db.Set<Department>().Select(d => d.Id).FirstAsync())).ToString(), ["Password"] = "short",
        });
        Assert.Contains("密码至少需要8位", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "clerk.weak")));
        Assert.False(await portal.WithDbAsync(db => db.Set<StaffMember>().AnyAsync(s => s.Name == "弱密码")));
    }

    [Fact]
    public async Task A_locked_staff_account_cannot_sign_in_until_unlocked()
    {
        var clerk = await portal.WithDbAsync(db => db.Set<StaffMember>().SingleAsync(s => s.Name == "李娜"));
        using var admin = await Admin();
        await admin.SubmitAsync("/admin/staff", $"/admin/staff/{clerk.Id}/lock", new Dictionary<string, string> { ["locked"] = "true" });

        using var browser = portal.NewBrowser();
        var refused = await browser.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Account"] = "clerk", ["Password"] = Demo.Password });
        Assert.Contains("账号已锁定", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.SubmitAsync("/admin/staff", $"/admin/staff/{clerk.Id}/lock", new Dictionary<string, string> { ["locked"] = "false" });
        await browser.LoginAsync("clerk");
    }

    [Fact]
    public async Task The_administrator_makes_a_reviewer_head_of_the_department_who_then_receives_supervision_orders()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var chen = await portal.WithDbAsync(db => db.Set<StaffMember>().SingleAsync(s => s.Name == "陈静"));
        Assert.False(chen.IsHead);
        var page = await admin.GetPageAsync($"/admin/staff/{chen.Id}");
        Assert.Contains("部门负责人（接收督办单）", page, StringComparison.Ordinal);
        var saved = await admin.SubmitAsync($"/admin/staff/{chen.Id}", $"/admin/staff/{chen.Id}", new Dictionary<string, string>
        {
            ["Name"] = chen.Name, ["Role"] = chen.Role, ["Title"] = chen.Title, ["OfficePhone"] = chen.OfficePhone, ["DepartmentId"] = chen.DepartmentId!.Value.ToString(),
            ["IsHead"] = "true", ["Version"] = chen.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Id == chen.Id).Select(s => s.IsHead).SingleAsync()));
        await using var scope = portal.Services.CreateAsyncScope();
        var heads = (await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Organization.Contracts.IOrganizationDirectory>().StaffOfDepartmentAsync(chen.DepartmentId.Value)).Where(s => s.IsHead).Select(s => s.Name);
        Assert.Contains("陈静", heads);
    }
}
