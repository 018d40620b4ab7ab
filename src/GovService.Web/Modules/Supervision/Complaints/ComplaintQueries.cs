using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovService.Web.Modules.Supervision.Complaints;

/// <summary>What a citizen may complain about: one of their cases, or a hall.</summary>
public sealed record ComplaintTarget(string Number, string ItemName);

public sealed record MyComplaintsPage(IReadOnlyList<Complaint> Complaints, IReadOnlyList<ComplaintTarget> Cases, IReadOnlyList<HallInfo> Halls, ComplaintForm Form, string? Error, DateOnly Today);

public sealed record ComplaintList(IReadOnlyList<Complaint> Complaints, SupervisionViewer Viewer, DateOnly Today);

public sealed record ComplaintPage(Complaint Complaint, SupervisionViewer Viewer, DateOnly Today, string? Error, string? Typed = null);

/// <summary>Complaints as their complainant sees them (with what they may complain about) and as staff see them.</summary>
public sealed class ComplaintQueries(GovDbContext db, SupervisionScope scopes, IOrganizationDirectory organization, TimeProvider clock)
{
    /// <summary>The citizen's complaints, their cases and the halls to choose from, and the form as posted.</summary>
    public async Task<MyComplaintsPage> MineAsync(Guid userId, ComplaintForm form, string? error, CancellationToken ct) => new(
        await db.Set<Complaint>().AsNoTracking().Where(c => c.ComplainantUserId == userId).OrderByDescending(c => c.FiledAt).ToListAsync(ct),
        await db.Database.SqlQueryRaw<ComplaintTarget>(
                "SELECT number, item_name FROM gov.int_v_rateable_cases WHERE applicant_user_id = @user OR agent_user_id = @user ORDER BY number DESC LIMIT 100",
                new NpgsqlParameter("user", userId))
            .ToListAsync(ct),
        await organization.HallsAsync(ct),
        form,
        error,
        clock.Today());

    /// <summary>Null for someone who sees no supervision work.</summary>
    public async Task<ComplaintList?> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        if (viewer is null)
        {
            return null;
        }

        var query = viewer.Visible(db.Set<Complaint>().AsNoTracking());
        return new ComplaintList(await query.OrderBy(c => c.State).ThenBy(c => c.DueOn).Take(200).ToListAsync(ct), viewer, clock.Today());
    }

    public async Task<ComplaintPage?> ShowAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (complaint, viewer) = await FindAsync(id, user, ct);
        return complaint is null ? null : new ComplaintPage(complaint, viewer!, clock.Today(), null);
    }

    /// <summary>The complaint (tracked, to be acted on) and its viewer; both null when the user may not see it.</summary>
    public async Task<(Complaint? Complaint, SupervisionViewer? Viewer)> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        var complaint = viewer is null ? null : await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return complaint is not null && viewer!.MaySee(complaint.DepartmentId, complaint.HallId) ? (complaint, viewer) : (null, null);
    }
}
