using System.Diagnostics;
using System.Linq.Expressions;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Controllers;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.OnlineApplication;

/// <summary>An earlier case of the same item to copy from.</summary>
public sealed record EarlierApplication(string? Number, Dictionary<string, string> FormData, string ContactMobile);

/// <summary>
/// 网上申请 as read, for the user who applies (<see cref="Case.FiledBy"/>: a citizen's own, or the ones an agent filed):
/// a draft to continue, an earlier application to copy from, and the form with what was uploaded or chosen before.
/// </summary>
public sealed class ApplicationQueries(GovDbContext db, MaterialFiles files, ILicenceDirectory licences, Accounts.Contracts.ICitizenDirectory citizens, IAgentMandates mandates)
{
    /// <summary>
    /// The latest earlier application of an item by this user (compiled once per kind of user: every form page
    /// asks), with <see cref="Case.FiledBy"/>'s rule inlined where <see cref="FiledBy"/> stands.
    /// </summary>
    private static Func<GovDbContext, Guid, string, Guid, CancellationToken, Task<EarlierApplication?>> EarlierOf(bool asAgent) =>
        EF.CompileAsyncQuery(Expressions.Inline<Expression<Func<GovDbContext, Guid, string, Guid, CancellationToken, EarlierApplication?>>>(
            (db, me, code, key, _) =>
                db.Set<Case>().AsNoTracking()
                    .Where(c => FiledBy(c, me) && c.BasicCode == code && c.Number != null && c.Id != key)
                    .OrderByDescending(c => c.CreatedAt)
                    .Select(c => new EarlierApplication(c.Number, c.FormData, c.ContactMobile))
                    .FirstOrDefault(),
            nameof(FiledBy), Case.FiledByUser(asAgent)));

    private static readonly Func<GovDbContext, Guid, string, Guid, CancellationToken, Task<EarlierApplication?>> EarlierOfCitizen = EarlierOf(asAgent: false);
    private static readonly Func<GovDbContext, Guid, string, Guid, CancellationToken, Task<EarlierApplication?>> EarlierOfAgent = EarlierOf(asAgent: true);

    /// <summary>Stands for <see cref="Case.FiledByUser"/> in <see cref="EarlierOf"/>'s query, replaced before it is compiled.</summary>
    private static bool FiledBy(Case c, Guid user) => throw new UnreachableException();

    /// <summary>The latest earlier application of item <paramref name="code"/> by the user, other than the form's own case <paramref name="key"/>.</summary>
    public Task<EarlierApplication?> EarlierAsync(Guid user, bool asAgent, string code, Guid key, CancellationToken ct) =>
        (asAgent ? EarlierOfAgent : EarlierOfCitizen)(db, user, code, key, ct);

    /// <summary>The user's draft of a one-item form.</summary>
    public Task<Case?> DraftAsync(Guid user, bool asAgent, Guid key, string code, CancellationToken ct) =>
        db.Set<Case>().AsNoTracking().Where(Case.FiledBy(user, asAgent))
            .FirstOrDefaultAsync(c => c.Id == key && c.BasicCode == code && c.State == CaseState.Draft && c.BundleKey == null, ct);

    /// <summary>The user's drafts of a 一件事 bundle form.</summary>
    public Task<List<Case>> BundleDraftsAsync(Guid user, bool asAgent, Guid key, string code, CancellationToken ct) =>
        db.Set<Case>().AsNoTracking().Where(Case.FiledBy(user, asAgent))
            .Where(c => c.BundleKey == key && c.BundleCode == code && c.State == CaseState.Draft).ToListAsync(ct);

    /// <summary>
    /// The form page: the current upload of each slot and, for a draft, the licences chosen before (put into
    /// <paramref name="form"/> when it chose none). <paramref name="fresh"/>: the form has a new application key, so
    /// nothing can have been uploaded or chosen for it yet.
    /// </summary>
    /// <param name="mandate">An agent starting from one of their mandates: its applicant fills an empty form's name, ID number and mobile.</param>
    public async Task<ApplyPage> PageAsync(ApplicationShape shape, OnlineApplicationForm form, Guid user, bool asAgent, bool fresh, CancellationToken ct, Guid? mandate = null)
    {
        var mandated = asAgent
            ? await mandates.LiveForAgentAsync(user, [.. shape.Items.Select(i => new MandatedCase(Guid.Empty, null, i.BasicCode, i.Name, shape.Bundle?.Code ?? "", i.DepartmentId))], ct)
            : [];
        if (mandated.FirstOrDefault(m => m.MandateId == mandate) is { } start && string.IsNullOrEmpty(form.ApplicantIdNumber))
        {
            (form.ApplicantName, form.ApplicantIdNumber, form.ContactMobile) = (start.Name, start.IdNumber, start.Mobile);
        }

        var uploaded = new Dictionary<int, CaseFileInfo>();
        if (form.ApplicationKey != Guid.Empty && !fresh)
        {
            var keys = shape.Items.Select((_, i) => shape.CaseKey(form.ApplicationKey, i)).ToList();
            var mine = await db.Set<Case>().Where(Case.FiledBy(user, asAgent)).Where(c => keys.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            var current = new Dictionary<Guid, List<CaseFileInfo>>();
            foreach (var id in mine)
            {
                current[id] = await files.CurrentAsync(id, ct);
            }

            if (asAgent && mine.Count > 0 && current[mine[0]].FirstOrDefault(f => f.Position == ApplyOnline.AuthorisationSlot) is { } authorisation)
            {
                uploaded[ApplyOnline.AuthorisationSlot] = authorisation;
            }

            foreach (var slot in shape.Slots)
            {
                var (item, position) = slot.Targets[0];
                if (current.TryGetValue(keys[item], out var list) && list.FirstOrDefault(f => f.Position == position) is { } file)
                {
                    uploaded[slot.Number] = file;
                }
            }
        }

        // The licence chosen before (a draft) stays chosen.
        if (form.ApplicationKey != Guid.Empty && !fresh && form.Licences.Count == 0)
        {
            var first = shape.CaseKey(form.ApplicationKey, 0);
            var refs = await db.Set<CaseLicenceRef>().AsNoTracking().Where(r => r.CaseId == first).ToListAsync(ct);
            foreach (var slot in shape.Slots)
            {
                if (refs.FirstOrDefault(r => slot.Targets.Any(t => t.Item == 0 && t.Position == r.Position)) is { } chosen)
                {
                    form.Licences[slot.Number] = chosen.LicenceId;
                }
            }
        }

        // The licence a 变更 / 延续 chose before (a draft) stays chosen.
        if (form.ApplicationKey != Guid.Empty && !fresh && form.Replaces.Count == 0)
        {
            var keys = shape.Items.Select((_, i) => shape.CaseKey(form.ApplicationKey, i)).ToList();
            foreach (var c in await db.Set<Case>().AsNoTracking().Where(Case.FiledBy(user, asAgent)).Where(c => keys.Contains(c.Id) && c.ReplacesLicenceId != null)
                         .Select(c => new { c.BasicCode, c.ReplacesLicenceId }).ToListAsync(ct))
            {
                form.Replaces[c.BasicCode] = c.ReplacesLicenceId!.Value;
            }
        }

        return new ApplyPage(shape, form, uploaded)
        {
            Wallet = asAgent ? [] : await licences.ValidForHolderAsync(user, ct),
            Replaceable = await ReplaceableAsync(shape, form, user, asAgent, ct),
            Mandated = mandated,
        };
    }

    /// <summary>
    /// For each 变更 / 延续 / 补证 / 换证 item of the form, the applicant's valid licences it may replace: the citizen's own, or
    /// for an agent those of the person named on the form (once it names someone with an account).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ReplaceableLicence>>> ReplaceableAsync(ApplicationShape shape, OnlineApplicationForm form, Guid user, bool asAgent, CancellationToken ct)
    {
        var replaceable = new Dictionary<string, IReadOnlyList<ReplaceableLicence>>();
        var superseding = shape.Items.Where(i => i.BusinessKind.Supersedes()).ToList();
        if (superseding.Count == 0)
        {
            return replaceable;
        }

        var holder = !asAgent ? user
            : form.ApplicantIdNumber.Length > 0 && await citizens.FindByIdNumberAsync(Shared.Identity.ChineseIdNumber.Normalize(form.ApplicantIdNumber), ct) is { } person ? person.UserId
            : (Guid?)null;
        foreach (var item in superseding)
        {
            var held = holder is { } h ? await licences.ReplaceableAsync(item.BasicCode, h, ct) : [];
            if (held is not null)
            {
                replaceable[item.BasicCode] = held;
            }
        }

        return replaceable;
    }
}
