using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Accounts.Domain;
using GovService.Web.Modules.Accounts.Login;
using GovService.Web.Modules.Accounts.Register;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Controllers;

[Area(AccountsModule.Name)]
[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    RegisterCitizenHandler register,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("register")]
    [AllowAnonymous]
    public IActionResult Register() => View(new RegisterCitizenRequest());

    [HttpPost("register")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Register(RegisterCitizenRequest request, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var (user, errors) = await register.HandleAsync(request, cancellationToken);
        if (user is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return View(request);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = l["Register.Done"].Value;
        return RedirectToAction("Index", "Home", new { area = "Portal" });
    }

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login([MaxLength(2000)] string? returnUrl) => View(new LoginRequest { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Login(LoginRequest request, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var account = request.Account.Trim();
        var normalized = account.ToUpperInvariant();
        var user = await users.Users.FirstOrDefaultAsync(
            u => u.NormalizedUserName == normalized || u.PhoneNumber == account, cancellationToken);

        if (user is null)
        {
            ModelState.AddModelError(string.Empty, l["Login.Failed"]);
            return View(request);
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return Url.IsLocalUrl(request.ReturnUrl) ? LocalRedirect(request.ReturnUrl) : RedirectToAction("Index", "Home", new { area = "Portal" });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            ModelState.AddModelError(string.Empty, l["Login.LockedOut"]);
            return View(request);
        }

        ModelState.AddModelError(string.Empty, l["Login.Failed"]);
        return View(request);
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home", new { area = "Portal" });
    }

    [HttpGet("me")]
    [Authorize]
    public async Task<IActionResult> Me()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["MaskedId"] = user.IdNumber is null ? null : ChineseIdNumber.Mask(user.IdNumber);
        ViewData["MaskedMobile"] = MobileNumber.Mask(user.PhoneNumber);
        ViewData["Roles"] = await users.GetRolesAsync(user);
        return View(user);
    }
}
