using GovService.Web.Infrastructure.Data;
using GovService.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>An upload that passed the checks, waiting to be stored for its material.</summary>
public sealed record AcceptedUpload(int Position, string MaterialName, string FileName, string ContentType, byte[] Content);

/// <summary>
/// The applicant's uploads for a case's materials: checked by content (PDF, JPEG or PNG, at most 10 MB),
/// stored with their SHA-256, a newer upload replacing the older one for the checklist.
/// </summary>
public sealed class MaterialFiles(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>Form field name of a material's upload slot.</summary>
    public static string SlotName(int position) => $"material-{position}";

    /// <summary>The uploads posted in a form, by material position (slots left empty are not there).</summary>
    public static Dictionary<int, IFormFile> Posted(IFormFileCollection files) =>
        files.Where(f => f.Length > 0 && f.Name.StartsWith("material-", StringComparison.Ordinal) && int.TryParse(f.Name.AsSpan(9), out _))
            .GroupBy(f => int.Parse(f.Name.AsSpan(9), System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Last());

    /// <summary>Reads and checks the posted uploads for the given materials; each refused file adds an error next to its slot.</summary>
    public async Task<List<AcceptedUpload>> ReadAsync(IEnumerable<(int Position, string Name)> materials, IReadOnlyDictionary<int, IFormFile> uploads, List<(string Field, string Message)> errors, CancellationToken ct)
    {
        var accepted = new List<AcceptedUpload>();
        foreach (var (position, name) in materials)
        {
            if (!uploads.TryGetValue(position, out var file))
            {
                continue;
            }

            var (content, kind, problem) = await UploadRules.ReadAsync(file, UploadRules.IsScanOrPhoto, ct);
            if (problem != UploadRules.Problem.None)
            {
                errors.Add((SlotName(position), l["Upload." + problem, name, StoredFileName.AsShown(file.FileName)].Value));
                continue;
            }

            accepted.Add(new AcceptedUpload(position, name, StoredFileName.For(file.FileName, kind!, name, CaseFile.FileNameMaxLength), kind!.ContentType, content));
        }

        return accepted;
    }

    /// <summary>
    /// Adds the uploads to the case (not saved yet); each replaces the current file of its material
    /// (<paramref name="replacing"/> false: the case was created in this transaction and has none yet).
    /// </summary>
    public async Task StoreAsync(Case owner, IReadOnlyList<AcceptedUpload> uploads, Guid? userId, DateTimeOffset now, CancellationToken ct, bool replacing = true)
    {
        if (uploads.Count == 0)
        {
            return;
        }

        if (replacing)
        {
            var positions = uploads.Select(u => u.Position).ToList();
            await db.Set<CaseFile>()
                .Where(f => f.CaseId == owner.Id && f.ReplacedAt == null && positions.Contains(f.Position))
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.ReplacedAt, now.ToUniversalTime()), ct);
        }

        foreach (var upload in uploads)
        {
            db.Add(CaseFile.From(owner.Id, upload.Position, upload.MaterialName, upload.FileName, upload.ContentType, upload.Content, now, userId));
        }
    }

    /// <summary>Positions of the materials that have a current upload (<paramref name="pendingOnly"/>: the case is new in this transaction, only its unsaved uploads count).</summary>
    public async Task<HashSet<int>> CurrentPositionsAsync(Guid caseId, CancellationToken ct, bool pendingOnly = false)
    {
        var positions = pendingOnly ? [] : await db.Set<CaseFile>().Where(f => f.CaseId == caseId && f.ReplacedAt == null).Select(f => f.Position).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<CaseFile>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId).Select(e => e.Entity.Position);
        return [.. positions, .. pending];
    }

    /// <summary>The current upload of each material of a case, without content.</summary>
    public Task<List<CaseFileInfo>> CurrentAsync(Guid caseId, CancellationToken ct) =>
        db.Set<CaseFile>().AsNoTracking()
            .Where(f => f.CaseId == caseId && f.ReplacedAt == null)
            .OrderBy(f => f.Position)
            .Select(f => new CaseFileInfo(f.Id, f.Position, f.MaterialName, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedAt))
            .ToListAsync(ct);
}
