// The framework's floor under the online-submission benchmark (bench/floor.sh). It answers the very HTTP exchange
// bench/IntakeLoad drives against the portal — 实名注册 (a sign-in cookie), GET /apply/{code} (the portal's own
// form page, captured, with a fresh antiforgery token and application key), POST /apply/{code} (multipart: the
// fields and two PDFs, antiforgery checked, model bound, each file read and hashed with SHA-256), 302 to
// /my/cases/{number} — with ASP.NET Core MVC and Razor alone: no database, no validation rules, no audit, no
// logging below warnings. On the stack the project is fixed to (MVC + Razor), a submission cannot cost the portal's
// process less than this.
//
// With a connection string (ConnectionStrings__Floor: bench/intake.sh's "stack floor") the POST also does the
// database floor's work (bench/floor-db.sql) on the portal's tables, with the uploaded bytes: the applicant and the
// item looked up in one round trip, then one batch — the case row (the copy of a real submitted one, with its own
// id, number and query code), the two scans with their SHA-256, one timeline step and one audit entry — one round
// trip, one implicit transaction. That is the least implementation of an online submission on this stack: what it
// serves per second beside pgbench bounds what the portal can.
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options => options.LoginPath = "/account/register");
builder.Services.AddAuthorization();
if (builder.Configuration.GetConnectionString("Floor") is { Length: > 0 } floorDatabase)
{
    // As the portal's pool: statements prepared after their fifth use, no session reset on return (docs/operations.md).
    builder.Services.AddSingleton(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(floorDatabase) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 5, NoResetOnClose = true }.ConnectionString));
    builder.Services.AddSingleton<FrameworkFloor.DatabaseFloor>();
}

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
        public async Task<IActionResult> Submit(string code, SubmittedForm form, [FromServices] IServiceProvider services, CancellationToken ct)
        {
            if (!ModelState.IsValid || form.ApplicationKey == Guid.Empty || form.Fields.Count == 0 || Request.Form.Files.Count == 0)
            {
                return BadRequest();
            }

            var database = services.GetService<DatabaseFloor>();
            var scans = new List<(int Position, string Name, string Type, byte[] Content, string Sha256)>();
            foreach (var file in Request.Form.Files)
            {
                if (database is null)
                {
                    await using var stream = file.OpenReadStream();
                    var hash = await SHA256.HashDataAsync(stream, ct);
                    if (file.Length == 0 || hash.Length != 32)
                    {
                        return BadRequest();
                    }

                    continue;
                }

                var content = new byte[file.Length];
                await using (var stream = file.OpenReadStream())
                {
                    await stream.ReadExactlyAsync(content, ct);
                }

                var position = int.Parse(file.Name.AsSpan(file.Name.LastIndexOf('-') + 1), CultureInfo.InvariantCulture);
                scans.Add((position, file.FileName, file.ContentType, content, Convert.ToHexStringLower(SHA256.HashData(content))));
            }

            if (database is not null)
            {
                return Redirect("/my/cases/" + await database.SubmitAsync(scans, ct));
            }

            var number = Interlocked.Increment(ref s_submitted);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/my/cases/{code[..6]}{DateTime.UtcNow:yyyyMMdd}{number:D7}"));
        }
    }

    /// <summary>The database floor's statements (bench/floor-db.sql) as a web application sends them.</summary>
    public sealed class DatabaseFloor(NpgsqlDataSource dataSource)
    {
        public async Task<string> SubmitAsync(List<(int Position, string Name, string Type, byte[] Content, string Sha256)> scans, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using (var lookups = new NpgsqlBatch(connection))
            {
                lookups.BatchCommands.Add(new("SELECT id, real_name, id_number, phone_number FROM gov.acc_users WHERE id = (SELECT applicant_user_id FROM floor.case_template)"));
                lookups.BatchCommands.Add(new("SELECT * FROM gov.cat_items WHERE id = (SELECT item_id FROM floor.case_template)"));
                await using var reader = await lookups.ExecuteReaderAsync(ct);
                do
                {
                    while (await reader.ReadAsync(ct))
                    {
                    }
                }
                while (await reader.NextResultAsync(ct));
            }

            await using var write = new NpgsqlBatch(connection);
            write.BatchCommands.Add(new("""
                INSERT INTO gov.int_cases
                  SELECT r.* FROM floor.case_template t,
                    LATERAL jsonb_populate_record(t, jsonb_build_object('id', $1::text, 'number', '98' || lpad(nextval('floor.numbers')::text, 17, '0'), 'query_code', $2::text, 'state', 2)) r
                RETURNING number
                """) { Parameters = { new() { Value = id }, new() { Value = Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture) } } });
            foreach (var scan in scans)
            {
                write.BatchCommands.Add(new("""
                    INSERT INTO gov.int_case_files (id, case_id, position, material_name, file_name, content_type, length, sha256, content, uploaded_at, uploaded_by_user_id)
                      SELECT $1, $2, $3, '材料' || $3, $4, $5, $6, $7, $8, now(), applicant_user_id FROM floor.case_template
                    """)
                {
                    Parameters =
                    {
                        new() { Value = Guid.CreateVersion7() }, new() { Value = id }, new() { Value = scan.Position }, new() { Value = scan.Name },
                        new() { Value = scan.Type }, new() { Value = (long)scan.Content.Length }, new() { Value = scan.Sha256 }, new() { Value = scan.Content },
                    },
                });
            }

            write.BatchCommands.Add(new("INSERT INTO gov.int_case_steps (case_id, at, action, state, handler_name, handler_office, handler_phone, note) VALUES ($1, now(), 'Submitted', 2, '压测申请人', '', '', '')") { Parameters = { new() { Value = id } } });
            write.BatchCommands.Add(new("INSERT INTO gov.ops_audit_entries (at, user_name, action, entity_type, entity_id, before, after) SELECT now(), '19900000001', 'Added', 'Case', $1::text, NULL, to_jsonb(t) FROM floor.case_template t") { Parameters = { new() { Value = id.ToString() } } });
            await using var written = await write.ExecuteReaderAsync(ct);
            await written.ReadAsync(ct);
            return written.GetString(0);
        }
    }

    public sealed class SubmittedForm
    {
        public Guid ApplicationKey { get; set; }
        public string ContactMobile { get; set; } = "";
        public Dictionary<string, string> Fields { get; set; } = [];
    }
}
