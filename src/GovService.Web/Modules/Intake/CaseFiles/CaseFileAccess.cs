using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.CaseFiles;

/// <summary>An uploaded material as served: its name, type and bytes, and the number of its case (for the log).</summary>
public sealed record ReadableFile(string FileName, string ContentType, byte[] Content, string? CaseNumber);

/// <summary>
/// Who may read an uploaded material: its applicant (or the agent who filed it), the staff of the hall handling the
/// case and the reviewers of a department working on it (the back office answers, <see cref="ICaseReaders"/>).
/// </summary>
public sealed class CaseFileAccess(GovDbContext db, IOrganizationDirectory organization, IEnumerable<ICaseReaders> readers)
{
    /// <summary>The file for <paramref name="user"/>, or null: a file they may not read is answered exactly like one that does not exist.</summary>
    public async Task<ReadableFile?> ReadAsync(Guid fileId, Guid user, CancellationToken ct)
    {
        var file = await db.Set<CaseFile>().AsNoTracking()
            .Where(f => f.Id == fileId)
            .Select(f => new { f.CaseId, f.FileName, f.ContentType })
            .FirstOrDefaultAsync(ct);
        var owner = file is null ? null : await db.Set<Case>().AsNoTracking().Where(c => c.Id == file.CaseId).Select(c => new { c.ApplicantUserId, c.AgentUserId, c.HallId, c.Number }).FirstOrDefaultAsync(ct);
        if (file is null || owner is null || !await MayReadAsync(user, file.CaseId, owner.ApplicantUserId, owner.AgentUserId, owner.HallId, ct))
        {
            return null;
        }

        var content = await db.Set<CaseFile>().Where(f => f.Id == fileId).Select(f => f.Content).SingleAsync(ct);
        return new ReadableFile(file.FileName, file.ContentType, content, owner.Number);
    }

    private async Task<bool> MayReadAsync(Guid me, Guid caseId, Guid? applicant, Guid? agent, Guid? hallId, CancellationToken ct)
    {
        if (applicant == me || agent == me)
        {
            return true;
        }

        var staff = await organization.FindStaffAsync(me, ct);
        if (staff is null)
        {
            return false;
        }

        if (staff.HallId is not null && staff.HallId == hallId)
        {
            return true;
        }

        // Reviewers of a department with work on the case (the back office answers).
        foreach (var reader in readers)
        {
            if (await reader.MayReadAsync(staff, caseId, ct))
            {
                return true;
            }
        }

        return false;
    }
}
