using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using GovService.Web.Infrastructure.Web;

namespace GovService.Web.Modules.Portal.Controllers;

/// <summary>
/// 《用户服务协议》 and 《个人信息保护政策》, the two texts a citizen accepts when registering: plain pages, readable
/// before signing up (the registration form opens them in a new tab, so nothing typed is lost).
/// Each has a Chinese view and an English one (<c>*.en.cshtml</c>, chosen by view localisation).
/// </summary>
[Area(PortalModule.Name)]
[AllowAnonymous]
public sealed class LegalController : Controller
{
    [HttpGet("/terms")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public IActionResult Terms() => View();

    [HttpGet("/privacy")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public IActionResult Privacy() => View();
}
