using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.OnlineApplication;

/// <summary>An online application form: the key (from the page) makes every post of it the same application.</summary>
public sealed class OnlineApplicationForm
{
    public Guid ApplicationKey { get; set; }
    public string ContactMobile { get; set; } = "";
    public Dictionary<string, string> Fields { get; set; } = [];
}

public sealed record ApplyResult(Case? Case, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// 网上申请 by a signed-in citizen: save as draft and come back, or submit. The page's application key is
/// the case id, so a double click, a retried post or twenty concurrent posts make one case and one number:
/// the case row is locked before its state is checked and its number drawn.
/// </summary>
public sealed class ApplyOnline(GovDbContext db, CaseNumbers numbers, MaterialFiles materialFiles, ICatalogDirectory catalog, ICitizenDirectory citizens, Organization.Contracts.IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<ApplyOnline> logger)
{
    /// <summary>
    /// Saves the application (and every acceptable upload) as a draft, or submits it when nothing is wrong.
    /// Bad input loses nothing: the typed values and the good files are kept in the draft beside the errors.
    /// </summary>
    public async Task<ApplyResult> SaveAsync(PublishedItem item, OnlineApplicationForm form, IReadOnlyDictionary<int, IFormFile> uploads, Guid userId, bool submit, CancellationToken ct)
    {
        var fields = await catalog.FieldsAsync(item.VersionId, ct);
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var values = fields.ToDictionary(f => f.Key, f => (form.Fields.GetValueOrDefault(f.Key) ?? "").Trim());
        var errors = new List<(string, string)>();
        if (!MobileNumber.IsValid(form.ContactMobile))
        {
            errors.Add((nameof(form.ContactMobile), l["Mobile.Invalid"]));
        }

        foreach (var field in fields)
        {
            var value = values[field.Key];
            if (value.Length == 0)
            {
                if (submit && field.Required)
                {
                    errors.Add(($"Fields[{field.Key}]", l["Apply.FieldRequired", field.Label]));
                }

                continue;
            }

            var ok = field.Kind switch
            {
                "Number" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                "Date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "Choice" => field.Options.Contains(value),
                "YesNo" => value is "true" or "false",
                _ => value.Length <= 500,
            };
            if (!ok)
            {
                errors.Add(($"Fields[{field.Key}]", l["Apply.FieldInvalid", field.Label]));
            }
        }

        var files = await materialFiles.ReadAsync(materials.Select(m => (m.Position, m.Name)), uploads, errors, ct);
        if (form.ApplicationKey == Guid.Empty)
        {
            return new ApplyResult(null, [(string.Empty, l["Apply.Expired"])]);
        }

        // A key that belongs to someone else's application is refused like an expired form.
        var takenByAnother = await db.Set<Case>().AnyAsync(c => c.Id == form.ApplicationKey && c.ApplicantUserId != userId, ct);
        var citizen = takenByAnother ? null : await citizens.FindByUserIdAsync(userId, ct);
        if (citizen is null)
        {
            return new ApplyResult(null, [(string.Empty, l["Apply.Expired"])]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EnsureDraftRowAsync(form.ApplicationKey, item, citizen, now, ct);
        // Serialises every post of this application: the second of two concurrent submits sees "Submitted".
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM gov.int_cases WHERE id = {form.ApplicationKey} FOR UPDATE", ct);
        var application = await db.Set<Case>().SingleAsync(c => c.Id == form.ApplicationKey, ct);
        if (application.State != CaseState.Draft)
        {
            await transaction.CommitAsync(ct);
            return new ApplyResult(application, []);
        }

        application.ContactMobile = form.ContactMobile.Trim();
        application.FormData = values;
        await materialFiles.StoreAsync(application, files, userId, now, ct);
        if (submit && errors.Count == 0)
        {
            var uploaded = await materialFiles.CurrentPositionsAsync(application.Id, ct);
            errors.AddRange(materials
                .Where(m => m.Required && !m.DeficiencyAllowed && !uploaded.Contains(m.Position))
                .Select(m => ($"material-{m.Position}", l["Apply.MaterialRequired", m.Name].Value)));
        }

        if (submit && errors.Count == 0)
        {
            application.Number = await numbers.NextAsync(ct);
            application.HallId = await organization.ResponsibleHallAsync(item.DepartmentId, ct);
            application.MoveTo(CaseState.Submitted, now);
            db.Add(CaseStep.ByApplicantOrSystem(application, "Submitted", citizen.RealName, now));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (application.State == CaseState.Submitted)
        {
            logger.LogInformation("Online application {CaseNumber} submitted by user {UserId}", application.Number, userId);
        }

        return new ApplyResult(application, errors);
    }

    /// <summary>Inserts the draft if this key has none yet; a concurrent insert of the same key is simply lost.</summary>
    private async Task EnsureDraftRowAsync(Guid key, PublishedItem item, CitizenInfo citizen, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Set<Case>().AnyAsync(c => c.Id == key, ct))
        {
            return;
        }

        var noFields = "{}";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO gov.int_cases (id, query_code, item_id, item_version_id, item_name, basic_code, case_kind, applicant_kind, applicant_name,
                applicant_id_type, applicant_id_number, applicant_user_id, contact_name, contact_mobile, channel, state, created_at, visits,
                promised_visits, due_date_provisional, form_data, refusal_reason, refusal_basis, termination_reason, decision_opinion)
            VALUES ({key}, {Case.NewQueryCode()}, {item.ItemId}, {item.VersionId}, {item.Name}, {item.BasicCode}, {item.CaseKind}, 1, {citizen.RealName},
                '111', {citizen.IdNumber}, {citizen.UserId}, {citizen.RealName}, {citizen.Mobile ?? ""}, 2, {(int)CaseState.Draft}, {now}, 0,
                {item.VisitsNeeded}, false, {noFields}::jsonb, '', '', '', '')
            ON CONFLICT (id) DO NOTHING
            """, ct);
    }
}
