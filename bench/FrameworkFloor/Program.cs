// The framework's floor under the online-submission benchmark (bench/floor.sh). It answers the very HTTP exchange
// bench/IntakeLoad drives against the portal — 实名注册 (a sign-in cookie), GET /apply/{code} (the portal's own
// form page, captured, with a fresh antiforgery token and application key), POST /apply/{code} (multipart: the
// fields and two PDFs, antiforgery checked, model bound, each file read and hashed with SHA-256), 302 to
// /my/cases/{number} — with ASP.NET Core MVC and Razor alone: no database, no validation rules, no audit, no
// logging below warnings. On the stack the project is fixed to (MVC + Razor), a submission cannot cost the portal's
// process less than this.
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options => options.LoginPath = "/account/register");
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
app.Run();

namespace FrameworkFloor
{
    public sealed class FloorController : Controller
    {
        private static long s_submitted;

        [HttpGet("/account/register")]
        public IActionResult Register() => View();

        [HttpPost("/account/register")]
        public async Task<IActionResult> Register(string realName, string idNumber)
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, realName ?? ""), new Claim("id_number", idNumber ?? "")],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await HttpContext.SignInAsync(new ClaimsPrincipal(identity));
            return Redirect("/");
        }

        [Authorize]
        [HttpGet("/apply/{code}")]
        public IActionResult Form(string code) => View(Guid.CreateVersion7());

        [Authorize]
        [HttpPost("/apply/{code}")]
        public async Task<IActionResult> Submit(string code, SubmittedForm form, CancellationToken ct)
        {
            if (!ModelState.IsValid || form.ApplicationKey == Guid.Empty || form.Fields.Count == 0 || Request.Form.Files.Count == 0)
            {
                return BadRequest();
            }

            foreach (var file in Request.Form.Files)
            {
                await using var content = file.OpenReadStream();
                var hash = await SHA256.HashDataAsync(content, ct);
                if (file.Length == 0 || hash.Length != 32)
                {
                    return BadRequest();
                }
            }

            var number = Interlocked.Increment(ref s_submitted);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/my/cases/{code[..6]}{DateTime.UtcNow:yyyyMMdd}{number:D7}"));
        }
    }

    public sealed class SubmittedForm
    {
        public Guid ApplicationKey { get; set; }
        public string ContactMobile { get; set; } = "";
        public Dictionary<string, string> Fields { get; set; } = [];
    }
}
