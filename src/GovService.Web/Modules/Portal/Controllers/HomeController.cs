using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using GovService.Web.Infrastructure.Web;

namespace GovService.Web.Modules.Portal.Controllers;

public sealed record HomePage(StaffPlacement? Placement);

[Area(PortalModule.Name)]
public sealed class HomeController(IOrganizationDirectory organization, IAccountLanguages languages) : Controller
{
    [HttpGet("/")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        StaffPlacement? placement = null;
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            placement = await organization.FindStaffAsync(userId, ct);
        }

        return View(new HomePage(placement));
    }

    /// <summary>
    /// Switches the UI language (zh-CN / en) for a year, then returns to the page the user was on. A GET: it sets a
    /// preference cookie and, for someone signed in, the language their messages are written in.
    /// </summary>
    [HttpGet("/language")]
    [AllowAnonymous]
    public async Task<IActionResult> Language([MaxLength(20)] string culture, [MaxLength(2000)] string? returnUrl, CancellationToken ct)
    {
        var chosen = culture == Shared.Localization.Cultures.English ? Shared.Localization.Cultures.English : Shared.Localization.Cultures.Chinese;
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await languages.RememberAsync(userId, chosen, ct);
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>关怀模式: large text and high contrast for older users; remembered in a cookie.</summary>
    [HttpGet("/care-mode")]
    [AllowAnonymous]
    public IActionResult CareMode(bool on, [MaxLength(2000)] string? returnUrl)
    {
        if (on)
        {
            Response.Cookies.Append(Shared.Web.CareMode.Cookie, "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        else
        {
            Response.Cookies.Delete(Shared.Web.CareMode.Cookie);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
