using System.Globalization;
using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.CodeLists;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace GovService.Web.Modules.Intake.OnlineApplication;

public sealed record ApplyResult(IReadOnlyList<Case> Cases, IReadOnlyList<(string Field, string Message)> Errors)
{
    /// <summary>An agent without a live mandate of the applicant for this item: nothing was written (403).</summary>
    public bool Forbidden { get; init; }

    public Case? Case => Cases.Count > 0 ? Cases[0] : null;
}

/// <summary>
/// 网上申请 by a signed-in citizen: save as draft and come back, or submit. The page's application key is
/// the case id, so a double click, a retried post or twenty concurrent posts make one case and one number.
/// A complete first post of a form is written once, already submitted (the primary key turns away a concurrent
/// post of the same form, which then takes the general path); every other post goes through the draft row,
/// locked before its state is checked and its number drawn.
/// </summary>
public sealed class ApplyOnline(GovDbContext db, CaseNumbers numbers, MaterialFiles materialFiles, Contracts.ILicenceDirectory licences, ICatalogDirectory catalog, ICitizenDirectory citizens, Organization.Contracts.IOrganizationDirectory organization, IAgentMandates mandates, Custody.CaseReception reception, TimeProvider clock, IHttpContextAccessor http, ApplicantNotices notices, IStringLocalizer<SharedResource> l, ILogger<ApplyOnline> logger)
{
    /// <summary>The form of one item.</summary>
    public async Task<ApplicationShape> ShapeAsync(PublishedItem item, CancellationToken ct) =>
        ApplicationShape.ForItem(item, await catalog.FieldsAsync(item.VersionId, ct), await catalog.MaterialsAsync(item.VersionId, ct));

    /// <summary>The one form of a 一件事 bundle (null when none of its items is published).</summary>
    public async Task<ApplicationShape?> ShapeAsync(PublishedBundle bundle, CancellationToken ct)
    {
        var items = new List<(PublishedItem, IReadOnlyList<PublishedField>, IReadOnlyList<PublishedMaterial>)>();
        foreach (var code in bundle.ItemCodes)
        {
            if (await catalog.FindPublishedAsync(code, ct) is { } item)
            {
                items.Add((item, await catalog.FieldsAsync(item.VersionId, ct), await catalog.MaterialsAsync(item.VersionId, ct)));
            }
        }

        return items.Count == 0 ? null : ApplicationShape.ForBundle(bundle, items, catalog.MaterialKey);
    }

    /// <summary>
    /// Saves the application (and every acceptable upload) as a draft, or submits it when nothing is wrong:
    /// one case per item, all of a bundle's in one transaction. Bad input loses nothing: the typed values and
    /// the good files are kept in the draft beside the errors.
    /// </summary>
    public async Task<ApplyResult> SaveAsync(ApplicationShape shape, OnlineApplicationForm form, IReadOnlyDictionary<int, IFormFile> uploads, Guid userId, bool submit, CancellationToken ct, bool asAgent = false)
    {
        var errors = new List<(string, string)>();
        if (!MobileNumber.IsValid(form.ContactMobile))
        {
            errors.Add((nameof(form.ContactMobile), l["Mobile.Invalid"]));
        }

        var values = FormAnswers.Check(shape.Fields, form.Fields, submit, errors, l, clock.Today());

        // 代办: the agent names the applicant and uploads the signed authorisation (授权委托书), slot 0.
        var authorisation = l["Apply.Authorisation"].Value;
        if (asAgent)
        {
            if (string.IsNullOrWhiteSpace(form.ApplicantName) || form.ApplicantName.Trim().Length > 50)
            {
                errors.Add((nameof(form.ApplicantName), l["Register.RealName.Required"]));
            }

            var problem = ChineseIdNumber.Check(form.ApplicantIdNumber, clock.Today());
            if (problem != IdNumberProblem.None)
            {
                errors.Add((nameof(form.ApplicantIdNumber), l[$"IdNumber.{problem}"]));
            }
        }

        var slots = shape.Slots.Select(m => (m.Number, m.Name));
        var files = await materialFiles.ReadAsync(asAgent ? slots.Prepend((AuthorisationSlot, authorisation)) : slots, uploads, errors, ct);
        if (form.ApplicationKey == Guid.Empty)
        {
            return new ApplyResult([], [(string.Empty, l["Apply.Expired"])]);
        }

        var keys = shape.Items.Select((_, i) => shape.CaseKey(form.ApplicationKey, i)).ToArray();
        // An agent's application cannot be kept, not even as a draft, before it says whose it is.
        var applicantKnown = !errors.Any(e => e.Item1 is nameof(form.ApplicantName) or nameof(form.ApplicantIdNumber));
        var applicant = await ApplicantAsync(userId, asAgent, form, applicantKnown, ct);
        if (applicant is null)
        {
            return new ApplyResult([], errors.Count > 0 ? errors : [(string.Empty, l["Apply.Expired"])]);
        }

        var replaced = await ReplacedLicencesAsync(shape, form, applicant, submit, errors, ct);
        var now = clock.GetUtcNow();
        // One item only: a bundle's drafts are inserted in item order, EF Core's inserts in its own, and a complete
        // post racing a draft save of the same bundle could then lock each other. "Upload instead" posts an empty
        // licence choice; any other choice takes the general path, which records it.
        // An agent's post takes the general path: its mandate is checked and locked in that transaction.
        if (submit && !asAgent && errors.Count == 0 && shape.Items.Count == 1 && form.Licences.Values.All(id => id == Guid.Empty)
            && MissingMaterials(shape, 0, Positions(shape, files, 0)).Count == 0
            && await SubmitFirstPostAsync(shape, form, values, files, keys, applicant, replaced[0], userId, now, ct) is { } submitted)
        {
            return new ApplyResult(submitted, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A case created by this post has no earlier uploads or licence choices to look up or replace.
        var created = new HashSet<Guid>();
        for (var i = 0; i < shape.Items.Count; i++)
        {
            if (await InsertDraftRowAsync(keys[i], shape.Items[i], shape.Bundle is null ? null : (form.ApplicationKey, shape.Bundle), applicant, now, ct))
            {
                created.Add(keys[i]);
            }
        }

        // Locked before their state is read: the second of two concurrent submits waits here and sees "Submitted".
        var loaded = await db.Set<Case>().FromSql($"SELECT *, xmin FROM gov.int_cases WHERE id = ANY({keys}) ORDER BY id FOR UPDATE").ToListAsync(ct);
        var cases = keys.Select(k => loaded.Single(c => c.Id == k)).ToList();
        // A key that belongs to someone else's application is refused like an expired form, and a key is bound
        // to the form it was made for: another item's (or bundle's) form never takes it over.
        if (cases.Any(c => !c.IsFiledBy(userId, asAgent))
            || cases.Where((c, i) => c.BasicCode != shape.Items[i].BasicCode || c.BundleCode != (shape.Bundle?.Code ?? "")).Any())
        {
            await transaction.RollbackAsync(ct);
            return new ApplyResult([], [(string.Empty, l["Apply.Expired"])]);
        }

        if (cases.Any(c => c.State != CaseState.Draft))
        {
            await transaction.CommitAsync(ct);
            return new ApplyResult(cases, []);
        }

        for (var i = 0; i < cases.Count; i++)
        {
            cases[i].ContactMobile = form.ContactMobile.Trim();
            cases[i].FormData = shape.ItemFields[i].ToDictionary(f => f.Key, f => values[f.Key]);
            cases[i].ReplacesLicenceId = replaced[i]?.Id;
            cases[i].ReplacesLicenceNumber = replaced[i]?.Number ?? "";
            await materialFiles.StoreAsync(cases[i], FiledFor(shape, files, i), userId, now, ct, replacing: !created.Contains(cases[i].Id));
        }

        // 免提交: a licence of the applicant's own wallet stands for the material; anything else is ignored.
        var wallet = asAgent || form.Licences.Count == 0 ? [] : await licences.ValidForHolderAsync(userId, ct);
        for (var i = 0; i < cases.Count; i++)
        {
            foreach (var (slotNumber, licenceId) in form.Licences)
            {
                var slot = shape.Slots.FirstOrDefault(x => x.Number == slotNumber);
                var licence = wallet.FirstOrDefault(w => w.Id == licenceId);
                if (slot is null || licence is null || !slot.AcceptsLicence(licence.Name))
                {
                    continue;
                }

                foreach (var (_, position) in slot.Targets.Where(t => t.Item == i))
                {
                    if (!created.Contains(cases[i].Id))
                    {
                        await db.Set<CaseLicenceRef>().Where(r => r.CaseId == cases[i].Id && r.Position == position).ExecuteDeleteAsync(ct);
                    }

                    db.Add(new CaseLicenceRef { CaseId = cases[i].Id, Position = position, MaterialName = slot.Name, LicenceId = licence.Id, LicenceName = licence.Name, LicenceNumber = licence.Number, At = now.ToUniversalTime() });
                }
            }
        }

        if (submit && errors.Count == 0)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var id = cases[i].Id;
                var fresh = created.Contains(id);
                var uploaded = await materialFiles.CurrentPositionsAsync(id, ct, pendingOnly: fresh);
                uploaded.UnionWith(db.ChangeTracker.Entries<CaseLicenceRef>().Where(e => e.Entity.CaseId == id).Select(e => e.Entity.Position));
                if (!fresh)
                {
                    uploaded.UnionWith(await db.Set<CaseLicenceRef>().Where(r => r.CaseId == id).Select(r => r.Position).ToListAsync(ct));
                }

                errors.AddRange(MissingMaterials(shape, i, uploaded));
            }

            errors = errors.Distinct().ToList();
        }

        var submitting = submit && errors.Count == 0;
        // 委托代办: an agent acts only within the applicant's live mandate for these items; refused, nothing is kept.
        if (asAgent)
        {
            var use = await mandates.UseAsync(
                new MandatedAct(userId, applicant.ContactName, applicant.IdNumber, submitting ? MandatedAction.FileCase : MandatedAction.SaveDraft,
                    [.. cases.Select((c, i) => new MandatedCase(c.Id, c.Number, c.BasicCode, c.ItemName, c.BundleCode, shape.Items[i].DepartmentId))]),
                ct);
            if (!use.Allowed)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new ApplyResult([], [(nameof(form.ApplicantIdNumber), l[$"Mandate.Refused.{use.Refusal}"])]) { Forbidden = true };
            }

            cases.ForEach(c => c.MandateNumber = use.MandateNumber);

            // 就近领取: a result the agent may receive for the applicant comes back to the agent's village station.
            if (submitting && use.MayReceiveResult && await reception.StationOfAgentAsync(userId, ct) is { } station)
            {
                cases.ForEach(c => c.CollectingHallId = station.Id);
            }
        }

        var submittedSteps = submitting ? await MarkSubmittedAsync(shape, cases, applicant, now, ct) : [];

        // Inside this transaction a failed save ends the request; no savepoint to fall back to (two round trips fewer).
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync(ct);
        if (submitting)
        {
            // Last before the commit: every submission of the county draws from the day's counter row.
            await numbers.AssignAsync(cases, now, ct);

            // The applicant is told with the number and query code, in the same transaction as the submission.
            await notices.TellAsync([.. cases.Zip(submittedSteps)], ct);
        }

        await transaction.CommitAsync(ct);
        if (submitting)
        {
            LogSubmitted(shape, cases, userId);
        }

        return new ApplyResult(cases, errors);
    }

    /// <summary>
    /// The first post of a complete one-item form, submitted with no draft before it: the case is inserted once,
    /// already submitted, with its files, step, audit entries and number, in one batch of statements — one round
    /// trip, one implicit transaction, no change tracker (<see cref="ModelInserts"/> writes what a save of the same
    /// entities would, <see cref="CaseNumbers.Draw"/> what numbering them does). Null when the key has a row already (a draft saved earlier, a post of the same
    /// form a moment before, or a key that is not this applicant's): nothing is written, and the general path decides.
    /// </summary>
    private async Task<IReadOnlyList<Case>?> SubmitFirstPostAsync(ApplicationShape shape, OnlineApplicationForm form, Dictionary<string, string> values, List<AcceptedUpload> files, Guid[] keys, Applicant applicant, ReplaceableLicence? replaced, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        // A double click's second post finds the first one's row here, without a failed insert. Inside a
        // transaction the batch would not be its own: the general path.
        if (db.Database.CurrentTransaction is not null || await AnyCaseOf(db, keys, ct))
        {
            return null;
        }

        var c = NewDraft(keys[0], shape.Items[0], shape.Bundle is null ? null : (form.ApplicationKey, shape.Bundle), applicant, now);
        c.ContactMobile = form.ContactMobile.Trim();
        c.FormData = shape.ItemFields[0].ToDictionary(f => f.Key, f => values[f.Key]);
        c.ReplacesLicenceId = replaced?.Id;
        c.ReplacesLicenceNumber = replaced?.Number ?? "";
        var step = await SubmitAsync(shape, c, 0, applicant, now, ct);
        var stored = FiledFor(shape, files, 0)
            .Select(u => CaseFile.From(c.Id, u.Position, u.MaterialName, u.FileName, u.ContentType, u.Content, now, userId))
            .ToList();

        var user = AuditInterceptor.CurrentUser(http);
        var at = clock.GetUtcNow();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        // The case first: a concurrent post of the same form is waited for and refused here, before anything is locked.
        batch.BatchCommands.Add(ModelInserts.Insert(db, c, WrittenOnce));
        stored.ForEach(f => batch.BatchCommands.Add(ModelInserts.Insert(db, f, WrittenOnce)));
        batch.BatchCommands.Add(ModelInserts.Insert(db, step, WrittenOnce));
        batch.BatchCommands.Add(ModelInserts.Insert(db, AuditInterceptor.Added(db.Model.FindEntityType(typeof(Case))!, c, user, at), WrittenOnce));
        var fileType = db.Model.FindEntityType(typeof(CaseFile))!;
        stored.ForEach(f => batch.BatchCommands.Add(ModelInserts.Insert(db, AuditInterceptor.Added(fileType, f, user, at), WrittenOnce)));
        // The number last, as on every path: the day's counter row is locked from here to the batch's commit only.
        batch.BatchCommands.Add(numbers.Draw([c.Id], at));

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var (_, number, rowVersion) = (await CaseNumbers.ReadAsync(reader, ct)).Single();
            c.Number = number;
            c.RowVersion = (uint)rowVersion;
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_int_cases" })
        {
            // Another post with this key inserted its row between the look above and this insert (which waited for
            // that post's commit): nothing of this one was written, no number drawn. Rare (two posts of one form
            // within a few milliseconds).
            logger.LogInformation("Application {ApplicationKey}: another post of the form wrote its case first; this post goes the general way", form.ApplicationKey);
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Told once the batch (its own transaction) has committed and the number is known: a failure here loses the
        // message, never the submission, and the pre-review notice or acceptance that follows tells them again.
        await notices.TellAsync(c, step, ct);
        List<Case> cases = [c];
        LogSubmitted(shape, cases, userId);
        return cases;
    }

    /// <summary>
    /// 变更 / 延续 / 补证 / 换证: the licence each such item of the form replaces, which the applicant must choose from their own
    /// valid licences of the item's type (another's, or one no longer valid, is refused beside the choice). A new
    /// application (新办) and an item issuing no licence replace nothing.
    /// </summary>
    private async Task<ReplaceableLicence?[]> ReplacedLicencesAsync(ApplicationShape shape, OnlineApplicationForm form, Applicant applicant, bool submit, List<(string, string)> errors, CancellationToken ct)
    {
        var replaced = new ReplaceableLicence?[shape.Items.Count];
        for (var i = 0; i < shape.Items.Count; i++)
        {
            var item = shape.Items[i];
            if (!item.BusinessKind.Supersedes())
            {
                continue;
            }

            var held = applicant.UserId is { } holder ? await licences.ReplaceableAsync(item.BasicCode, holder, ct) : [];
            if (held is null)
            {
                continue;
            }

            var field = OnlineApplicationForm.ReplacesField(item.BasicCode);
            var kind = l[$"BusinessKind.{item.BusinessKind}"].Value;
            if (form.Replaces.GetValueOrDefault(item.BasicCode) is var chosen && chosen != Guid.Empty)
            {
                replaced[i] = held.FirstOrDefault(h => h.Id == chosen);
                if (replaced[i] is null)
                {
                    errors.Add((field, l["Apply.Replaces.NotYours", kind]));
                }
            }
            else if (submit)
            {
                errors.Add((field, held.Count == 0 ? l["Apply.Replaces.NoneHeld", kind] : l["Apply.Replaces.Required", kind]));
            }
        }

        return replaced;
    }

    /// <summary>Whether any of the keys has a case row (compiled once: every first submission asks).</summary>
    private static readonly Func<GovDbContext, Guid[], CancellationToken, Task<bool>> AnyCaseOf =
        EF.CompileAsyncQuery((GovDbContext db, Guid[] keys, CancellationToken _) => db.Set<Case>().Any(c => keys.Contains(c.Id)));

    /// <summary>The uploads of a post that go to item <paramref name="item"/>, at that item's material positions.</summary>
    private static List<AcceptedUpload> FiledFor(ApplicationShape shape, List<AcceptedUpload> files, int item) =>
        files
            .SelectMany(upload => upload.Position == AuthorisationSlot
                ? [upload]
                : shape.Slots.Single(s => s.Number == upload.Position).Targets
                    .Where(t => t.Item == item)
                    .Select(t => upload with { Position = t.Position }))
            .ToList();

    /// <summary>The material positions of item <paramref name="item"/> this post's uploads fill.</summary>
    private static HashSet<int> Positions(ApplicationShape shape, List<AcceptedUpload> files, int item) =>
        [.. FiledFor(shape, files, item).Select(f => f.Position)];

    /// <summary>What item <paramref name="item"/> still lacks to be submitted, given the positions that have a file or a licence.</summary>
    private List<(string Field, string Message)> MissingMaterials(ApplicationShape shape, int item, HashSet<int> uploaded)
    {
        // An agent's authority is the applicant's mandate (checked on every post); the scan of a signed 委托书 is optional here.
        var missing = new List<(string, string)>();
        missing.AddRange(shape.Slots
            .Where(s => s.Targets.Any(t => t.Item == item && !uploaded.Contains(t.Position)) && s.Required && !s.DeficiencyAllowed)
            .Select(s => (MaterialFiles.SlotName(s.Number), l["Apply.MaterialRequired", s.Name].Value)));
        return missing;
    }

    /// <summary>Sends each case to the hall responsible for its department, as submitted, with its step.</summary>
    private async Task<List<CaseStep>> MarkSubmittedAsync(ApplicationShape shape, List<Case> cases, Applicant applicant, DateTimeOffset now, CancellationToken ct)
    {
        var steps = new List<CaseStep>();
        for (var i = 0; i < cases.Count; i++)
        {
            steps.Add(await SubmitAsync(shape, cases[i], i, applicant, now, ct));
            db.Add(steps[^1]);
        }

        return steps;
    }

    /// <summary>Sends the case of item <paramref name="item"/> to the hall responsible, as submitted; its step.</summary>
    private async Task<CaseStep> SubmitAsync(ApplicationShape shape, Case c, int item, Applicant applicant, DateTimeOffset now, CancellationToken ct)
    {
        // 收受分离: an agent's filing is received by the township window over the agent's village when the item may be received there.
        c.HallId = (applicant.AgentUserId is { } agent ? await reception.HallForAgentAsync(agent, shape.Items[item], ct) : null)
            ?? await organization.ResponsibleHallAsync(shape.Items[item].DepartmentId, ct);
        c.MoveTo(CaseState.Submitted, now);
        return CaseStep.ByApplicantOrSystem(c, StepActions.Submitted, applicant.SubmittedBy, now, shape.Bundle?.Name ?? "");
    }

    private void LogSubmitted(ApplicationShape shape, List<Case> cases, Guid userId)
    {
        foreach (var submitted in cases)
        {
            logger.LogInformation("Online application {CaseNumber} submitted by user {UserId} (bundle {Bundle})", submitted.Number, userId, shape.Bundle?.Code);
        }
    }

    /// <summary>The tags of this class's inserts (<see cref="ModelInserts"/>): how they are told apart in <c>pg_stat_activity</c> and the server's log.</summary>
    public const string WrittenOnce = "online submission: written once", DraftInsert = "online application: draft";

    /// <summary>Material slot of the agent's authorisation (授权委托书); the item's materials start at 1.</summary>
    public const int AuthorisationSlot = 0;

    /// <summary>Who applies: the signed-in citizen, or the person an agent applies for (linked to their account when they have one).</summary>
    private sealed record Applicant(string Name, string IdNumber, Guid? UserId, Guid? AgentUserId, string ContactName, string Mobile, string SubmittedBy);

    private async Task<Applicant?> ApplicantAsync(Guid userId, bool asAgent, OnlineApplicationForm form, bool formIsValid, CancellationToken ct)
    {
        if (!asAgent)
        {
            return await citizens.FindByUserIdAsync(userId, ct) is { } citizen
                ? new Applicant(citizen.RealName, citizen.IdNumber, citizen.UserId, null, citizen.RealName, citizen.Mobile ?? "", citizen.RealName)
                : null;
        }

        var agent = await organization.FindStaffAsync(userId, ct);
        if (agent is null || !formIsValid)
        {
            return null;
        }

        var idNumber = ChineseIdNumber.Normalize(form.ApplicantIdNumber);
        var person = await citizens.FindByIdNumberAsync(idNumber, ct);
        return new Applicant(form.ApplicantName.Trim(), idNumber, person?.UserId, userId, agent.Name, form.ContactMobile.Trim(), l["Apply.ByAgent", agent.Name]);
    }

    /// <summary>A new online case of <paramref name="item"/>, not saved yet: who applies, how to reach them, the bundle it belongs to.</summary>
    private static Case NewDraft(Guid key, PublishedItem item, (Guid Key, PublishedBundle Bundle)? bundle, Applicant applicant, DateTimeOffset now) => new(item)
    {
        Id = key,
        ApplicantKind = ApplicantKind.Person,
        ApplicantName = applicant.Name,
        ApplicantIdNumber = applicant.IdNumber,
        ApplicantUserId = applicant.UserId,
        AgentUserId = applicant.AgentUserId,
        ContactName = applicant.ContactName,
        ContactMobile = applicant.Mobile,
        Channel = (int)ServiceChannel.Online,
        State = CaseState.Draft,
        CreatedAt = now.ToUniversalTime(),
        BundleKey = bundle?.Key,
        BundleCode = bundle?.Bundle.Code ?? "",
        BundleName = bundle?.Bundle.Name ?? "",
    };

    /// <summary>
    /// Inserts the draft if this key has none yet (true), in one statement written from the model
    /// (<see cref="ModelInserts"/>, as the written-once path's); a concurrent insert of the same key is simply lost
    /// (false), as is one over a key that exists already, whoever's it is.
    /// </summary>
    private async Task<bool> InsertDraftRowAsync(Guid key, PublishedItem item, (Guid Key, PublishedBundle Bundle)? bundle, Applicant applicant, DateTimeOffset now, CancellationToken ct)
    {
        var draft = NewDraft(key, item, bundle, applicant, now);
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { ModelInserts.Insert(db, draft, DraftInsert, "ON CONFLICT (\"id\") DO NOTHING") } };
        return await batch.ExecuteNonQueryAsync(ct) == 1;
    }
}
