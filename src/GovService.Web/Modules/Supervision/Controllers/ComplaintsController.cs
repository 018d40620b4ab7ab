using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovService.Web.Modules.Supervision.Controllers;

/// <summary>What a citizen may complain about: one of their cases, or a hall.</summary>
public sealed record ComplaintTarget(string Number, string ItemName);

public sealed record ComplaintForm(string? Subject = null, string? Title = null, string? Content = null, string? Respondent = null);

/// <summary>The columns' lengths; the action refuses the same with its own message, the bounds keep them declared.</summary>
internal sealed class ComplaintFormValidator : AbstractValidator<ComplaintForm>
{
    public ComplaintFormValidator(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Subject).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Title).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Content).MaximumLength(2000).WithMessage(l["Common.TooLong", 2000]);
        RuleFor(f => f.Respondent).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
    }
}

public sealed record MyComplaintsPage(IReadOnlyList<Complaint> Complaints, IReadOnlyList<ComplaintTarget> Cases, IReadOnlyList<HallInfo> Halls, ComplaintForm Form, string? Error, DateOnly Today);

/// <summary>投诉 by citizens: about one of their cases (routed to the department handling it) or a hall; answered by a date.</summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Citizen},{Roles.Agent}")]
[Route("my/complaints")]
public sealed class MyComplaintsController(
    GovDbContext db,
    INotifications notifications,
    IOrganizationDirectory organization,
    IWorkingCalendarProvider calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(64)] string? @case, CancellationToken ct) =>
        View(await PageAsync(new ComplaintForm(Subject: @case is { Length: > 0 } ? "case:" + @case : null), null, ct));

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> File(ComplaintForm form, CancellationToken ct)
    {
        var title = (form.Title ?? "").Trim();
        var content = (form.Content ?? "").Trim();
        var respondent = (form.Respondent ?? "").Trim();
        if (title.Length is 0 or > 100 || content.Length is 0 or > 2000 || respondent.Length > 100)
        {
            return Refused(await PageAsync(form, l["Complaint.TextRequired"], ct));
        }

        var complaint = new Complaint
        {
            ComplainantUserId = Me,
            ComplainantName = User.FindFirstValue(ClaimTypes.GivenName) ?? "",
            Title = title,
            Content = content,
            Respondent = respondent,
            Source = RatingChannels.OfUserAgent(Request.Headers.UserAgent.ToString()),
        };
        var subject = form.Subject ?? "";
        if (subject.StartsWith("case:", StringComparison.Ordinal))
        {
            // Only one's own case; it goes to the department now handling it, else to the hall that accepted it.
            var number = subject[5..];
            var mine = await db.Database.SqlQueryRaw<CaseOfMine>(
                    "SELECT case_id, number, hall_id FROM gov.int_v_rateable_cases WHERE number = @number AND (applicant_user_id = @user OR agent_user_id = @user)",
                    new NpgsqlParameter("number", number), new NpgsqlParameter("user", Me))
                .FirstOrDefaultAsync(ct);
            if (mine is null)
            {
                return Refused(await PageAsync(form, l["Complaint.SubjectRequired"], ct));
            }

            var department = await db.Database.SqlQueryRaw<Guid>(
                    "SELECT department_id AS \"Value\" FROM gov.apr_v_open_steps WHERE case_id = @id ORDER BY opened_on LIMIT 1", new NpgsqlParameter("id", mine.CaseId))
                .Select(d => (Guid?)d).FirstOrDefaultAsync(ct);
            complaint.CaseId = mine.CaseId;
            complaint.CaseNumber = mine.Number;
            complaint.HallId = mine.HallId;
            if (department is { } d)
            {
                complaint.DepartmentId = d;
                complaint.DepartmentName = (await organization.DepartmentsAsync(ct)).FirstOrDefault(x => x.Id == d)?.Name ?? "";
            }
        }
        else if (subject.StartsWith("hall:", StringComparison.Ordinal) && Guid.TryParse(subject[5..], out var hallId) && (await organization.HallsAsync(ct)).Any(h => h.Id == hallId))
        {
            complaint.HallId = hallId;
        }
        else
        {
            return Refused(await PageAsync(form, l["Complaint.SubjectRequired"], ct));
        }

        complaint.HallName = complaint.HallId is { } hall ? (await organization.HallsAsync(ct)).FirstOrDefault(h => h.Id == hall)?.Name ?? "" : "";
        var today = clock.Today();
        complaint.FiledAt = clock.GetUtcNow().ToUniversalTime();
        complaint.DueOn = (await calendars.GetAsync(ct)).AddWorkingDays(today, Math.Max(1, options.Value.ComplaintWorkingDays)).End;
        var recipients = await Sweep.OrderNotices.StaffAnsweringAsync(organization, complaint.DepartmentId, complaint.HallId, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sequence = await db.Database.SqlQueryRaw<long>("SELECT nextval('gov.sup_complaint_numbers') AS \"Value\"").SingleAsync(ct);
        complaint.Number = $"TS{today:yyyyMMdd}{sequence:000000}";
        db.Add(complaint);
        await db.SaveChangesAsync(ct);
        await notifications.PostAsync(
            [.. recipients.Select(s => new Notice($"complaint:{complaint.Id}", s.UserId, null,
                l["Complaint.Filed.Title", complaint.Number, complaint.DueOn.ToString("yyyy-MM-dd")].Value, complaint.Title, $"/supervision/complaints/{complaint.Id}"))], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Complaint.Filed";
        return Redirect("/my/complaints");
    }

    private ViewResult Refused(MyComplaintsPage page)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", page);
    }

    private async Task<MyComplaintsPage> PageAsync(ComplaintForm form, string? error, CancellationToken ct) => new(
        await db.Set<Complaint>().AsNoTracking().Where(c => c.ComplainantUserId == Me).OrderByDescending(c => c.FiledAt).ToListAsync(ct),
        await db.Database.SqlQueryRaw<ComplaintTarget>(
                "SELECT number, item_name FROM gov.int_v_rateable_cases WHERE applicant_user_id = @user OR agent_user_id = @user ORDER BY number DESC LIMIT 100",
                new NpgsqlParameter("user", Me))
            .ToListAsync(ct),
        await organization.HallsAsync(ct),
        form,
        error,
        clock.Today());

    private sealed record CaseOfMine(Guid CaseId, string Number, Guid? HallId);
}

public sealed record ComplaintList(IReadOnlyList<Complaint> Complaints, SupervisionViewer Viewer, DateOnly Today);

public sealed record ComplaintPage(Complaint Complaint, SupervisionViewer Viewer, DateOnly Today, string? Error, string? Typed = null);

/// <summary>投诉 for staff: the department (or hall) complained about answers by the date; supervisors of the region watch.</summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Reviewer},{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("supervision/complaints")]
public sealed class ComplaintsController(GovDbContext db, SupervisionScope scopes, INotifications notifications, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is null)
        {
            return Forbid();
        }

        var query = viewer.Visible(db.Set<Complaint>().AsNoTracking());
        return View(new ComplaintList(await query.OrderBy(c => c.State).ThenBy(c => c.DueOn).Take(200).ToListAsync(ct), viewer, clock.Today()));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var (complaint, viewer) = await FindAsync(id, ct);
        return complaint is null ? NotFound() : View(new ComplaintPage(complaint, viewer!, clock.Today(), null));
    }

    [HttpPost("{id:guid}/answer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Answer(Guid id, [MaxLength(2000)] string? answer, CancellationToken ct)
    {
        var (complaint, viewer) = await FindAsync(id, ct);
        if (complaint is null || !viewer!.MayAnswer(complaint.DepartmentId, complaint.HallId))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > 2000)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", new ComplaintPage(complaint, viewer, clock.Today(), l["Complaint.AnswerRequired"], answer));
        }

        if (complaint.State != ComplaintState.Open)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Show", new ComplaintPage(complaint, viewer, clock.Today(), l["Complaint.AlreadyAnswered"], answer));
        }

        complaint.Answer = answer.Trim();
        complaint.AnsweredAt = clock.GetUtcNow().ToUniversalTime();
        complaint.AnsweredByName = viewer.Staff.Name;
        complaint.State = ComplaintState.Answered;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Show", new ComplaintPage(complaint, viewer, clock.Today(), l["Complaint.AlreadyAnswered"], answer));
        }

        await notifications.PostAsync(
            [new Notice($"complaint:{complaint.Id}:answered", complaint.ComplainantUserId, null, l["Complaint.Answered.Title", complaint.Number].Value, complaint.Answer, "/my/complaints")], ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Complaint.AnswerSent";
        return Redirect($"/supervision/complaints/{complaint.Id}");
    }

    private async Task<(Complaint? Complaint, SupervisionViewer? Viewer)> FindAsync(Guid id, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        var complaint = viewer is null ? null : await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return complaint is not null && viewer!.MaySee(complaint.DepartmentId, complaint.HallId) ? (complaint, viewer) : (null, null);
    }
}
