using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>The hall's own screens (kiosk, calling display, rating device): no login, and never stored by a browser or proxy.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HallScreenAttribute : ResponseCacheAttribute, IAllowAnonymous
{
    public HallScreenAttribute()
    {
        NoStore = true;
        Location = ResponseCacheLocation.None;
    }
}
