using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Validation;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.CodeLists;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.WindowIntake;

public sealed class MaterialCheck
{
    public int Position { get; set; }
    public bool Received { get; set; }

    /// <summary>What is wrong with a material that was handed in, or what exactly is missing.</summary>
    public string Defect { get; set; } = "";
}

/// <summary>A walk-in applicant at a comprehensive window (无差别受理): who, and which materials lie on the counter.</summary>
public sealed class WindowIntakeForm
{
    /// <summary>
    /// Made when the form is shown and posted with it: the id of the case a new intake creates, so a double click, a
    /// retried post or parallel posts of one form make one case (<see cref="TakeInAtWindow"/>).
    /// </summary>
    public Guid IntakeKey { get; set; }

    /// <summary>The queue ticket this service was called with (叫号 → 开始办理), kept with the case.</summary>
    public Guid? TicketId { get; set; }

    [Display(Name = "Window.ApplicantName")]
    public string ApplicantName { get; set; } = "";

    [Display(Name = "Register.IdNumber")]
    public string ApplicantIdNumber { get; set; } = "";

    [Display(Name = "Common.Mobile")]
    public string ContactMobile { get; set; } = "";

    /// <summary>开通账户: register a walk-in applicant who has no account yet, so they can follow the case online.</summary>
    public bool RegisterApplicant { get; set; }

    public List<MaterialCheck> Materials { get; set; } = [];

    /// <summary>A walk-in's answers to the item's fields (经营者名称, 经营场所 …), typed by the clerk as the applicant gives them.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>变更 / 延续 / 补证 / 换证: the applicant's licence this application replaces (by the item's 基本编码, as online).</summary>
    public Dictionary<string, Guid> Replaces { get; set; } = [];

    /// <summary>容缺受理 only: the day by which the applicant promises the missing materials.</summary>
    [Display(Name = "Window.DeficiencyDue")]
    public DateOnly? DeficiencyDueDate { get; set; }

    /// <summary>不予受理 only: why, and under which provision.</summary>
    [Display(Name = "Window.RefusalReason")]
    public string RefusalReason { get; set; } = "";

    [Display(Name = "Window.RefusalBasis")]
    public string RefusalBasis { get; set; } = "";
}

internal sealed class WindowIntakeFormValidator : AbstractValidator<WindowIntakeForm>
{
    public WindowIntakeFormValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(f => f.ApplicantName).NotEmpty().WithMessage(l["Register.RealName.Required"]).MaximumLength(50).WithMessage(l["Register.RealName.TooLong"]);
        RuleFor(f => f.ApplicantIdNumber).ValidChineseIdNumber(l, clock);
        RuleFor(f => f.ApplicantIdNumber).MaximumLength(18).WithMessage(l["Common.TooLong", 18]);
        RuleFor(f => f.ContactMobile).Must(MobileNumber.IsValid).WithMessage(l["Mobile.Invalid"]);
        RuleFor(f => f.ContactMobile).MaximumLength(20).WithMessage(l["Common.TooLong", 20]);
        RuleFor(f => f.RefusalReason).MaximumLength(RefusalReasonMax).WithMessage(l["Common.TooLong", RefusalReasonMax]);
        RuleFor(f => f.RefusalBasis).MaximumLength(RefusalBasisMax).WithMessage(l["Common.TooLong", RefusalBasisMax]);
        RuleForEach(f => f.Materials).SetValidator(new MaterialCheckValidator(l));
        RuleFor(f => f.Fields).Bounded(FormAnswers.AnswerMax, FormAnswers.AnswersMax, l);
        RuleFor(f => f.Replaces).Must(r => r.Count <= 1 && r.Keys.All(k => k.Length <= 12)).WithMessage(l["Common.TooLong", 1]).WithErrorCode(Bounds.ErrorCode);
        RuleFor(f => f.Materials).Must(m => m.Sum(c => c.Defect?.Length ?? 0) <= MaterialCheckValidator.DefectMax).WithMessage(l["Common.FormTooLong", MaterialCheckValidator.DefectMax]).WithErrorCode(Bounds.ErrorCode);
    }

    /// <summary>The applicant's timeline keeps "reason（basis）" in a 1000-character note.</summary>
    public const int RefusalReasonMax = 800;

    public const int RefusalBasisMax = 190;
}

/// <summary>A defect is kept in a 500-character column, and all of a case's together, with the materials' names, in a 1000-character note.</summary>
internal sealed class MaterialCheckValidator : AbstractValidator<MaterialCheck>
{
    public const int DefectMax = 500;

    public MaterialCheckValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(m => m.Defect).MaximumLength(DefectMax).WithMessage(l["Common.TooLong", DefectMax]);
}

public sealed record IntakeResult(Case? Case, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// What deciding an application taken up again came to: the application and the item it is decided under (both null
/// when there is no such application to decide), and the result.
/// </summary>
public sealed record ExistingDecision(Case? Application, PublishedItem? Item, IntakeResult Result)
{
    public static readonly ExistingDecision NotFound = new(null, null, new IntakeResult(null, []));
}

/// <summary>The four outcomes of intake, as the form's buttons post them.</summary>
public enum IntakeOutcome
{
    /// <summary>受理.</summary>
    Accept = 1,

    /// <summary>容缺受理.</summary>
    AcceptWithDeficiency = 2,

    /// <summary>一次性告知.</summary>
    Supplement = 3,

    /// <summary>不予受理.</summary>
    Refuse = 4,
}

public static class IntakeOutcomes
{
    /// <summary>The button's value: supplement, refuse, deficiency; anything else accepts.</summary>
    public static IntakeOutcome Parse(string? posted) => posted switch
    {
        "supplement" => IntakeOutcome.Supplement,
        "refuse" => IntakeOutcome.Refuse,
        "deficiency" => IntakeOutcome.AcceptWithDeficiency,
        _ => IntakeOutcome.Accept,
    };

    /// <summary>The notice a case made by intake has, by the state it was left in (for a post answered with an earlier case).</summary>
    public static string NoticePath(this Case c) => c.State switch
    {
        CaseState.SupplementRequested when c.AcceptedAt is null => IntakeOutcome.Supplement.NoticePath(),
        CaseState.NotAccepted => IntakeOutcome.Refuse.NoticePath(),
        _ => IntakeOutcome.Accept.NoticePath(),
    };

    /// <summary>The notice printed for the outcome, as the path segment under /window/cases/{id}/.</summary>
    public static string NoticePath(this IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Supplement => "supplement-notice",
        IntakeOutcome.Refuse => "refusal-notice",
        _ => "acceptance-notice",
    };
}

/// <summary>
/// The four outcomes of window intake (DESIGN §4): 受理, 容缺受理, 一次性告知 and 不予受理. Every outcome is
/// recorded as a case with its number and query code and counts a visit; only acceptance starts the clock,
/// with the promised and statutory dates from the working calendar. An application given a one-time notice
/// continues on the applicant's return instead of starting over, and a submitted online application is
/// decided by the same outcomes at pre-review.
/// </summary>
public sealed class AcceptAtWindow(
    GovDbContext db,
    CaseNumbers numbers,
    CaseClosure closure,
    ApplicantNotices notices,
    ICatalogDirectory catalog,
    ICitizenDirectory citizens,
    IntakeDeadlines deadlines,
    ApplicantLicences applicantLicences,
    IEnumerable<Contracts.ICaseAcceptedHandler> acceptedHandlers,
    Custody.CaseReception reception,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<AcceptAtWindow> logger)
{
    /// <summary>
    /// The outcome the clerk chose, for a walk-in (<paramref name="existing"/> null) or an application taken up again.
    /// A concurrent decision on the same application (two clerks, a double click) leaves the first one standing and
    /// answers the second with a message instead of a conflict.
    /// </summary>
    public async Task<IntakeResult> DecideAsync(IntakeOutcome outcome, PublishedItem item, WindowIntakeForm form, StaffPlacement clerk, CancellationToken ct, Case? existing = null, bool inPerson = true)
    {
        // 通办范围: a walk-in's application is taken in only where the item may be received; a refusal (不予受理) may always be written.
        if (existing is null && outcome != IntakeOutcome.Refuse && !await reception.MayReceiveAsync(clerk.HallId, item, ct))
        {
            return new IntakeResult(null, [(string.Empty, l["Window.NotReceivedHere", item.Name, string.Join("、", item.ReceivingPlaces.Each().Select(p => l[$"ReceivingPlaces.{p}"].Value))])]);
        }

        var answerErrors = new List<(string, string)>();
        var typed = await TypedAsync(outcome, item, form, existing, answerErrors, ct);
        if (answerErrors.Count > 0)
        {
            return new IntakeResult(null, answerErrors);
        }

        try
        {
            return outcome switch
            {
                IntakeOutcome.Supplement => await RequestSupplementAsync(item, form, typed, clerk, existing, inPerson, ct),
                IntakeOutcome.Refuse => await RefuseAsync(item, form, typed, clerk, existing, inPerson, ct),
                IntakeOutcome.AcceptWithDeficiency => await AcceptAsync(item, form, typed, clerk, withDeficiency: true, existing, inPerson, ct),
                _ => await AcceptAsync(item, form, typed, clerk, withDeficiency: false, existing, inPerson, ct),
            };
        }
        catch (DbUpdateConcurrencyException) when (existing is not null)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Application {CaseNumber} was decided by someone else at the same moment; outcome {Outcome} not applied", existing.Number, outcome);
            return new IntakeResult(null, [(string.Empty, l["Window.AlreadyDecided"])]);
        }
    }

    /// <summary>网上预审: a submitted online application of the clerk's hall, decided with the same outcomes (no visit counted).</summary>
    public Task<ExistingDecision> DecidePreReviewAsync(Guid id, IntakeOutcome outcome, WindowIntakeForm form, StaffPlacement clerk, CancellationToken ct) =>
        DecideExistingAsync(Case.AtPreReview(clerk.HallId), id, outcome, form, clerk, inPerson: false, ct);

    /// <summary>
    /// The applicant is back at any comprehensive window after a one-time notice (one more visit). Only acceptance is
    /// offered then (a second notice needs a supervisor): any other outcome posted accepts.
    /// </summary>
    public Task<ExistingDecision> ContinueAsync(Guid id, IntakeOutcome outcome, WindowIntakeForm form, StaffPlacement clerk, CancellationToken ct) =>
        DecideExistingAsync(Case.BackAfterNotice, id, outcome == IntakeOutcome.AcceptWithDeficiency ? IntakeOutcome.AcceptWithDeficiency : IntakeOutcome.Accept, form, clerk, inPerson: true, ct);

    private async Task<ExistingDecision> DecideExistingAsync(System.Linq.Expressions.Expression<Func<Case, bool>> waiting, Guid id, IntakeOutcome outcome, WindowIntakeForm form, StaffPlacement clerk, bool inPerson, CancellationToken ct)
    {
        var application = await db.Set<Case>().Where(waiting).FirstOrDefaultAsync(c => c.Id == id, ct);
        var item = application is null ? null : await catalog.FindPublishedAsync(application.BasicCode, ct);
        if (application is null || item is null)
        {
            return ExistingDecision.NotFound;
        }

        return new ExistingDecision(application, item, await DecideAsync(outcome, item, form, clerk, ct, application, inPerson));
    }

    /// <summary>
    /// What the clerk typed for a walk-in (null for an online application: its answers are the applicant's and stay): the
    /// answers to the item's fields, every required one for an acceptance (受理, 容缺受理), and for a 变更 / 延续 / 补证 / 换证
    /// the applicant's licence it replaces, chosen from their valid licences of the item's type, as online.
    /// </summary>
    private async Task<WindowAnswers?> TypedAsync(IntakeOutcome outcome, PublishedItem item, WindowIntakeForm form, Case? existing, List<(string, string)> errors, CancellationToken ct)
    {
        if (existing is { AnsweredAtWindow: false })
        {
            return null;
        }

        var accepting = outcome is IntakeOutcome.Accept or IntakeOutcome.AcceptWithDeficiency;
        var answers = FormAnswers.Check(await catalog.FieldsAsync(item.VersionId, ct), form.Fields, accepting, errors, l, clock.Today());
        if (!item.BusinessKind.Supersedes() || outcome == IntakeOutcome.Refuse)
        {
            return new WindowAnswers(answers, null);
        }

        var held = await applicantLicences.ReplaceableAsync(item, form.ApplicantIdNumber, existing, ct);
        if (held is null)
        {
            return new WindowAnswers(answers, null);
        }

        var field = OnlineApplication.OnlineApplicationForm.ReplacesField(item.BasicCode);
        var kind = l[$"BusinessKind.{item.BusinessKind}"].Value;
        var chosen = form.Replaces.GetValueOrDefault(item.BasicCode);
        var replaced = held.FirstOrDefault(x => x.Id == chosen);
        if (chosen != Guid.Empty && replaced is null)
        {
            errors.Add((field, l["Window.Replaces.NotHeld", kind]));
        }
        else if (chosen == Guid.Empty && accepting)
        {
            errors.Add((field, held.Count == 0 ? l["Window.Replaces.NoneHeld", kind] : l["Apply.Replaces.Required", kind]));
        }

        return new WindowAnswers(answers, replaced);
    }

    /// <summary>A walk-in's answers and the licence it replaces, as the clerk typed and chose them.</summary>
    private sealed record WindowAnswers(Dictionary<string, string> Fields, ReplaceableLicence? Replaced);

    /// <summary>
    /// 不予受理: the item is not this office's or the applicant is not eligible; a written notice with the
    /// reason and its legal basis. The application is closed (NotAccepted) and counted as a visit.
    /// </summary>
    private async Task<IntakeResult> RefuseAsync(PublishedItem item, WindowIntakeForm form, WindowAnswers? typed, StaffPlacement clerk, Case? existing, bool inPerson, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(form.RefusalReason))
        {
            errors.Add((nameof(form.RefusalReason), l["Window.RefusalReason.Required"]));
        }

        if (string.IsNullOrWhiteSpace(form.RefusalBasis))
        {
            errors.Add((nameof(form.RefusalBasis), l["Window.RefusalBasis.Required"]));
        }

        if (errors.Count > 0)
        {
            return new IntakeResult(null, errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await OwnTransactionAsync(ct);
        var refused = await CaseForAsync(item, form, typed, clerk, existing, inPerson, now, ct);
        refused.RefusalReason = form.RefusalReason.Trim();
        refused.RefusalBasis = form.RefusalBasis.Trim();
        await db.SaveChangesAsync(ct);
        // Numbered before it ends, so the applicant's notice names the case.
        await NumberIfNewAsync(refused, now, ct);
        var note = $"{refused.RefusalReason}（{refused.RefusalBasis}）";
        await closure.CloseAsync(refused, CaseState.NotAccepted, now, note, c => CaseStep.By(c, StepActions.NotAccepted, clerk, now, note), ct);
        await db.SaveChangesAsync(ct);
        await CommitOwnAsync(transaction, ct);
        logger.LogInformation("Application {CaseNumber} not accepted at window by staff {StaffId}", refused.Number, clerk.StaffId);
        return new IntakeResult(refused, []);
    }

    /// <summary>
    /// 一次性告知: every missing or defective material, with its reason, in one notice. The application is
    /// kept (state SupplementRequested, one visit) so the applicant's return continues it; no clock starts.
    /// </summary>
    private async Task<IntakeResult> RequestSupplementAsync(PublishedItem item, WindowIntakeForm form, WindowAnswers? typed, StaffPlacement clerk, Case? existing, bool inPerson, CancellationToken ct)
    {
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var checks = form.Materials.ToDictionary(m => m.Position);
        string? DefectOf(PublishedMaterial m)
        {
            var check = checks.GetValueOrDefault(m.Position);
            if (check is not null && !string.IsNullOrWhiteSpace(check.Defect))
            {
                return check.Defect.Trim();
            }

            return m.Required && check?.Received != true ? l["Window.Defect.Missing"].Value : null;
        }

        var defects = materials.Select(m => (Material: m, Defect: DefectOf(m))).ToList();
        if (defects.All(d => d.Defect is null))
        {
            return new IntakeResult(null, [(string.Empty, l["Window.NothingToSupplement"])]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await OwnTransactionAsync(ct);
        var pending = await CaseForAsync(item, form, typed, clerk, existing, inPerson, now, ct);
        pending.MoveTo(CaseState.SupplementRequested, now);
        var notice = CaseStep.By(pending, StepActions.SupplementRequested, clerk, now, string.Join("；", defects.Where(d => d.Defect is not null).Select(d => $"{d.Material.Name}：{d.Defect}")));
        db.Add(notice);
        db.AddRange(defects.Select(d => CaseMaterial.For(pending, d.Material, checks.GetValueOrDefault(d.Material.Position)?.Received == true && d.Defect is null, d.Defect ?? "")));
        await db.SaveChangesAsync(ct);
        await NumberIfNewAsync(pending, now, ct);
        await notices.TellAsync(pending, notice, ct);
        await CommitOwnAsync(transaction, ct);
        logger.LogInformation("One-time supplement notice for {CaseNumber} given at window by staff {StaffId}", pending.Number, clerk.StaffId);
        return new IntakeResult(pending, []);
    }

    /// <summary>
    /// 受理: every required material on the counter and without defect. 容缺受理 (<paramref name="withDeficiency"/>): only
    /// materials marked 容缺-allowed may be missing, at least one is, and the applicant promises them by a date between
    /// tomorrow and the promised completion date; a job terminates the case when the date passes without them.
    /// </summary>
    private async Task<IntakeResult> AcceptAsync(PublishedItem item, WindowIntakeForm form, WindowAnswers? typed, StaffPlacement clerk, bool withDeficiency, Case? existing, bool inPerson, CancellationToken ct)
    {
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var received = form.Materials.Where(m => m.Received && string.IsNullOrWhiteSpace(m.Defect)).Select(m => m.Position).ToHashSet();
        var missingRequired = materials.Where(m => m.Required && !received.Contains(m.Position)).ToList();
        var blocking = withDeficiency ? missingRequired.Where(m => !m.DeficiencyAllowed).ToList() : missingRequired;
        if (blocking.Count > 0)
        {
            return new IntakeResult(null, [(string.Empty, l[withDeficiency ? "Window.MissingNotDeficiency" : "Window.MissingMaterials", string.Join("、", blocking.Select(m => m.Name))])]);
        }

        if (withDeficiency && missingRequired.Count == 0)
        {
            return new IntakeResult(null, [(string.Empty, l["Window.NothingDeficient"])]);
        }

        var today = clock.Today();
        var deadline = await deadlines.TodayAsync(item, ct);
        var allowed = DeficiencyDueRange.For(deadline, today);
        if (withDeficiency && (form.DeficiencyDueDate is not { } due || !allowed.Contains(due)))
        {
            return new IntakeResult(null, [(nameof(form.DeficiencyDueDate), l["Window.DeficiencyDue.Range", allowed.First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), allowed.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await OwnTransactionAsync(ct);

        // What an earlier one-time notice asked for and is on the counter now: the timeline says so (the notice's own
        // step keeps what was wrong), since the material rows are made again from today's list.
        List<string> answered = existing is null ? [] : await db.Set<CaseMaterial>().AsNoTracking()
            .Where(m => m.CaseId == existing.Id && m.Defect != "").OrderBy(m => m.Position).Select(m => m.Name).ToListAsync(ct);
        answered = answered.Where(name => materials.Any(m => m.Name == name && received.Contains(m.Position))).ToList();

        var accepted = await CaseForAsync(item, form, typed, clerk, existing, inPerson, now, ct);
        db.AddRange(materials.Select(m => CaseMaterial.For(accepted, m, received.Contains(m.Position), "", deferred: withDeficiency && missingRequired.Contains(m))));

        accepted.PromisedDueDate = deadline.Promised.Due;
        accepted.StatutoryDueDate = deadline.Statutory.Due;
        accepted.PromisedDueProvisional = deadline.Promised.IsProvisional;
        accepted.StatutoryDueProvisional = deadline.Statutory.IsProvisional;
        accepted.DeficiencyDueDate = withDeficiency ? form.DeficiencyDueDate : null;
        accepted.MoveTo(withDeficiency ? CaseState.AcceptedWithDeficiency : CaseState.Accepted, now);
        string[] notes =
        [
            answered.Count > 0 ? l["CaseStep.SuppliedNote", string.Join("、", answered)].Value : "",
            withDeficiency ? l["CaseStep.DeficiencyNote", string.Join("、", missingRequired.Select(m => m.Name)), accepted.DeficiencyDueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value : "",
        ];
        var acceptance = CaseStep.By(accepted, withDeficiency ? StepActions.AcceptedWithDeficiency : StepActions.Accepted, clerk, now, string.Join("；", notes.Where(n => n.Length > 0)));
        db.Add(acceptance);
        await reception.OnAcceptedAsync(accepted, item, clerk, materials, received, ct);
        await db.SaveChangesAsync(ct);
        await NumberIfNewAsync(accepted, now, ct);

        // The back office takes it up in the same transaction: accepted and routed together, or neither.
        var acceptedEvent = new Contracts.CaseAccepted(accepted.Id, accepted.Number!, item.BasicCode, item.Name, item.CaseKind, accepted.HallId, today, item.PromisedLimit, item.PromisedInWorkingDays, item.StatutoryLimit, item.StatutoryInWorkingDays);
        foreach (var handler in acceptedHandlers)
        {
            await handler.OnAcceptedAsync(acceptedEvent, ct);
        }

        await notices.TellAsync(accepted, acceptance, ct);
        await db.SaveChangesAsync(ct);
        await CommitOwnAsync(transaction, ct);
        logger.LogInformation("Case {CaseNumber} accepted at window by staff {StaffId} (deficiency: {Deficiency}, visit {Visits})", accepted.Number, clerk.StaffId, withDeficiency, accepted.Visits);
        return new IntakeResult(accepted, []);
    }

    /// <summary>A transaction of its own, unless the caller has one open (<see cref="TakeInAtWindow"/>): then the caller commits.</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    private static async Task CommitOwnAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// The number of a case this intake created, drawn once the case is saved and as late in the transaction as
    /// possible: the day's counter row of the county stays locked from the draw to the commit, and every online
    /// submission of the county draws from it too. A case taken up again keeps its number.
    /// </summary>
    private async Task NumberIfNewAsync(Case c, DateTimeOffset now, CancellationToken ct)
    {
        if (c.Number is null)
        {
            await numbers.AssignAsync([c], now, ct);
        }
    }

    /// <summary>
    /// A new case for a walk-in (numbered by <see cref="NumberIfNewAsync"/> once saved), or an existing one taken
    /// up again: an online application at pre-review (no visit) or an application back after a one-time notice
    /// (one more visit). Either way it is decided under the catalog version in force today, with that version's
    /// material list.
    /// </summary>
    private async Task<Case> CaseForAsync(PublishedItem item, WindowIntakeForm form, WindowAnswers? typed, StaffPlacement clerk, Case? existing, bool inPerson, DateTimeOffset now, CancellationToken ct)
    {
        var c = existing ?? await NewCaseAsync(item, form, clerk, now, ct);
        if (typed is not null)
        {
            c.FormData = typed.Fields;
            c.ReplacesLicenceId = typed.Replaced?.Id;
            c.ReplacesLicenceNumber = typed.Replaced?.Number ?? "";
        }

        if (existing is null)
        {
            db.Add(c);
            return c;
        }

        if (inPerson)
        {
            existing.Visits++;
        }

        existing.HallId = clerk.HallId;
        existing.ClerkStaffId = clerk.StaffId;
        if (existing.State == CaseState.SupplementRequested)
        {
            existing.MoveTo(CaseState.Submitted, now);
        }

        existing.ItemVersionId = item.VersionId;
        existing.ItemName = item.Name;
        db.RemoveRange(await db.Set<CaseMaterial>().Where(m => m.CaseId == existing.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return existing;
    }

    private async Task<Case> NewCaseAsync(PublishedItem item, WindowIntakeForm form, StaffPlacement clerk, DateTimeOffset now, CancellationToken ct)
    {
        var idNumber = ChineseIdNumber.Normalize(form.ApplicantIdNumber);
        var citizen = await citizens.FindByIdNumberAsync(idNumber, ct);
        return new Case(item)
        {
            Id = form.IntakeKey == Guid.Empty ? Guid.CreateVersion7() : form.IntakeKey,
            ApplicantName = form.ApplicantName.Trim(),
            ApplicantIdNumber = idNumber,
            ApplicantUserId = citizen?.UserId,
            ContactName = form.ApplicantName.Trim(),
            ContactMobile = form.ContactMobile.Trim(),
            Channel = (int)ServiceChannel.Window,
            HallId = clerk.HallId,
            ClerkStaffId = clerk.StaffId,
            CreatedAt = now,
            Visits = 1,
        };
    }
}
