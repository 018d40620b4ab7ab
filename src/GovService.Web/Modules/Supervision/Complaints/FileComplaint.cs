using FluentValidation;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovService.Web.Modules.Supervision.Complaints;

/// <summary>The complaint form: <see cref="Subject"/> is <c>case:&lt;number&gt;</c> or <c>hall:&lt;id&gt;</c>.</summary>
public sealed record ComplaintForm(string? Subject = null, string? Title = null, string? Content = null, string? Respondent = null);

/// <summary>The columns' lengths; the use case refuses the same with its own message, the bounds keep them declared.</summary>
internal sealed class ComplaintFormValidator : AbstractValidator<ComplaintForm>
{
    public ComplaintFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Subject).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Title).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Content).MaximumLength(2000).WithMessage(l["Common.TooLong", 2000]);
        RuleFor(f => f.Respondent).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
    }
}

/// <summary>A citizen (or agent) files a complaint, from the channel of their browser.</summary>
public sealed record ComplaintFiling(Guid UserId, string ComplainantName, RatingChannel Source, ComplaintForm Form);

/// <summary>
/// 投诉 filed by a citizen: about one of their own cases (routed to the department now handling it, else to the hall
/// that accepted it) or about a hall; answerable by a date <c>Supervision:ComplaintWorkingDays</c> working days away.
/// The staff who answer are told.
/// </summary>
public sealed class FileComplaint(
    GovDbContext db,
    ComplaintQueries complaints,
    SupervisionWork work,
    DocumentNumbers numbers,
    IOrganizationDirectory organization,
    IWorkingCalendarProvider calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public async Task<WorkResult<MyComplaintsPage>> RunAsync(ComplaintFiling filing, CancellationToken ct)
    {
        var form = filing.Form;
        var title = (form.Title ?? "").Trim();
        var content = (form.Content ?? "").Trim();
        var respondent = (form.Respondent ?? "").Trim();
        if (title.Length is 0 or > 100 || content.Length is 0 or > 2000 || respondent.Length > 100)
        {
            return await RefusedAsync(filing, "Complaint.TextRequired", ct);
        }

        var complaint = new Complaint
        {
            ComplainantUserId = filing.UserId,
            ComplainantName = filing.ComplainantName,
            Title = title,
            Content = content,
            Respondent = respondent,
            Source = filing.Source,
        };
        if (!await AddressAsync(complaint, form.Subject ?? "", filing.UserId, ct))
        {
            return await RefusedAsync(filing, "Complaint.SubjectRequired", ct);
        }

        complaint.HallName = complaint.HallId is { } hall ? (await organization.HallsAsync(ct)).FirstOrDefault(h => h.Id == hall)?.Name ?? "" : "";
        var today = clock.Today();
        complaint.FiledAt = clock.GetUtcNow().ToUniversalTime();
        complaint.DueOn = (await calendars.GetAsync(ct)).AddWorkingDays(today, Math.Max(1, options.Value.ComplaintWorkingDays)).End;
        var recipients = await OrderNotices.StaffAnsweringAsync(organization, complaint.DepartmentId, complaint.HallId, ct);
        complaint.Number = await numbers.NextAsync(DocumentSeries.Complaint, ct);
        db.Add(complaint);
        await work.SaveAndPostAsync(
            [.. recipients.Select(s => new Notice($"complaint:{complaint.Id}", s.UserId, null,
                l["Complaint.Filed.Title", complaint.Number, complaint.DueOn.ToString("yyyy-MM-dd")].Value, complaint.Title, $"/supervision/complaints/{complaint.Id}"))],
            ct);
        return WorkResult<MyComplaintsPage>.Done;
    }

    /// <summary>Addresses the complaint to what it is about; false when that is not one of the complainant's cases nor a hall.</summary>
    private async Task<bool> AddressAsync(Complaint complaint, string subject, Guid userId, CancellationToken ct)
    {
        if (subject.StartsWith("case:", StringComparison.Ordinal))
        {
            // Only one's own case; it goes to the department now handling it, else to the hall that accepted it.
            var mine = await db.Database.SqlQueryRaw<CaseOfMine>(
                    "SELECT case_id, number, hall_id FROM gov.int_v_rateable_cases WHERE number = @number AND (applicant_user_id = @user OR agent_user_id = @user)",
                    new NpgsqlParameter("number", subject[5..]), new NpgsqlParameter("user", userId))
                .FirstOrDefaultAsync(ct);
            if (mine is null)
            {
                return false;
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

            return true;
        }

        if (subject.StartsWith("hall:", StringComparison.Ordinal) && Guid.TryParse(subject[5..], out var hallId) && (await organization.HallsAsync(ct)).Any(h => h.Id == hallId))
        {
            complaint.HallId = hallId;
            return true;
        }

        return false;
    }

    private async Task<WorkResult<MyComplaintsPage>> RefusedAsync(ComplaintFiling filing, string error, CancellationToken ct) =>
        new(WorkOutcome.Invalid, await complaints.MineAsync(filing.UserId, filing.Form, l[error], ct));

    private sealed record CaseOfMine(Guid CaseId, string Number, Guid? HallId);
}
