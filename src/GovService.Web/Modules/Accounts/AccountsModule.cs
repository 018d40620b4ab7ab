using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Accounts.Data;
using GovService.Web.Modules.Accounts.Domain;
using GovService.Web.Modules.Accounts.Register;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts;

/// <summary>Logins (ASP.NET Core Identity in the platform database): citizen registration, sign-in, lockout, staff accounts.</summary>
public static class AccountsModule
{
    public const string Name = "Accounts";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection("Security");
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.GetValue("MaxFailedLogins", 10);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.GetValue("LockoutMinutes", 30));
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddEntityFrameworkStores<GovDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<PersonalDataPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "gov.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurity.SecurePolicy;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.GetValue("IdleTimeoutMinutes", 30));
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A real 403 (rendered by the status-code page), not a 302 to a page that says "denied".
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.AddScoped<RegisterCitizenHandler>();
        services.AddScoped<IStaffAccounts, StaffAccounts>();
        services.AddScoped<ICitizenDirectory, CitizenDirectory>();
        services.AddScoped<IAccountLanguages, AccountLanguages>();
        services.AddScoped<ISeeder, RoleSeeder>();
        services.AddScoped<ISeeder, DemoCitizenSeeder>();
        return services;
    }

    public static void ConfigureAccounts(this ModelBuilder builder) => AccountsModel.Configure(builder);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints) => endpoints;
}

/// <summary>The roles of DESIGN §1 exist in every database, demo or not.</summary>
internal sealed class RoleSeeder(RoleManager<AppRole> roles) : ISeeder
{
    public int Order => 10;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }
    }
}
