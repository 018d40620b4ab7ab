using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.WindowIntake;

public sealed class MaterialCheck
{
    public int Position { get; set; }
    public bool Received { get; set; }
}

/// <summary>A walk-in applicant at a comprehensive window (无差别受理): who, and which materials lie on the counter.</summary>
public sealed class WindowIntakeForm
{
    [Display(Name = "Window.ApplicantName")]
    public string ApplicantName { get; set; } = "";

    [Display(Name = "Register.IdNumber")]
    public string ApplicantIdNumber { get; set; } = "";

    [Display(Name = "Common.Mobile")]
    public string ContactMobile { get; set; } = "";

    public List<MaterialCheck> Materials { get; set; } = [];
}

internal sealed class WindowIntakeFormValidator : AbstractValidator<WindowIntakeForm>
{
    public WindowIntakeFormValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(f => f.ApplicantName).NotEmpty().WithMessage(l["Register.RealName.Required"]).MaximumLength(50).WithMessage(l["Register.RealName.TooLong"]);
        RuleFor(f => f.ApplicantIdNumber).ValidChineseIdNumber(l, clock);
        RuleFor(f => f.ContactMobile).Must(MobileNumber.IsValid).WithMessage(l["Mobile.Invalid"]);
    }
}

public sealed record IntakeResult(Case? Case, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// 受理 at the window: every required material must be on the counter (otherwise the clerk gives a
/// one-time supplement notice instead); the case gets its number, query code and promised date from the
/// working calendar, counts one visit, and remembers the catalog version and the materials received.
/// </summary>
public sealed class AcceptAtWindow(
    GovDbContext db,
    CaseNumbers numbers,
    ICatalogDirectory catalog,
    ICitizenDirectory citizens,
    IWorkingCalendarProvider calendars,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<AcceptAtWindow> logger)
{
    public async Task<IntakeResult> HandleAsync(PublishedItem item, WindowIntakeForm form, StaffPlacement clerk, CancellationToken ct)
    {
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var received = form.Materials.Where(m => m.Received).Select(m => m.Position).ToHashSet();
        var missing = materials.Where(m => m.Required && !received.Contains(m.Position)).Select(m => m.Name).ToList();
        if (missing.Count > 0)
        {
            return new IntakeResult(null, [(string.Empty, l["Window.MissingMaterials", string.Join("、", missing)])]);
        }

        var now = clock.GetUtcNow();
        var idNumber = ChineseIdNumber.Normalize(form.ApplicantIdNumber);
        var citizen = await citizens.FindByIdNumberAsync(idNumber, ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var promised = item.PromisedInWorkingDays ? calendar.AddWorkingDays(today, item.PromisedLimit) : null;
        var statutory = item.StatutoryInWorkingDays ? calendar.AddWorkingDays(today, item.StatutoryLimit) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accepted = new Case
        {
            Number = await numbers.NextAsync(ct),
            ItemId = item.ItemId,
            ItemVersionId = item.VersionId,
            ItemName = item.Name,
            BasicCode = item.BasicCode,
            CaseKind = item.CaseKind,
            ApplicantName = form.ApplicantName.Trim(),
            ApplicantIdNumber = idNumber,
            ApplicantUserId = citizen?.UserId,
            ContactName = form.ApplicantName.Trim(),
            ContactMobile = form.ContactMobile.Trim(),
            Channel = 1,
            HallId = clerk.HallId,
            ClerkStaffId = clerk.StaffId,
            CreatedAt = now,
            Visits = 1,
            PromisedDueDate = promised?.End ?? today.AddDays(item.PromisedLimit),
            StatutoryDueDate = statutory?.End ?? today.AddDays(item.StatutoryLimit),
            DueDateProvisional = (promised?.IsProvisional ?? false) || (statutory?.IsProvisional ?? false),
        };
        accepted.MoveTo(CaseState.Accepted, now);
        db.Add(accepted);
        db.AddRange(materials.Select(m => new CaseMaterial
        {
            CaseId = accepted.Id,
            Position = m.Position,
            Name = m.Name,
            Required = m.Required,
            DeficiencyAllowed = m.DeficiencyAllowed,
            Received = received.Contains(m.Position),
            Originals = m.Originals,
            Copies = m.Copies,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Case {CaseNumber} accepted at window by staff {StaffId}", accepted.Number, clerk.StaffId);
        return new IntakeResult(accepted, []);
    }
}
