using FluentValidation;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Files;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Numbering;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Mandates;

/// <summary>
/// The mandate form: online the citizen chooses the agent (<see cref="Agent"/>); at the station the agent names the
/// citizen (<see cref="CitizenName"/>, <see cref="CitizenIdNumber"/>, <see cref="CitizenMobile"/>) and uploads the signed
/// 授权委托书 (<see cref="SignedScan"/>). <see cref="Request"/>: the 代办 request it is recorded for.
/// </summary>
public sealed class MandateForm
{
    public Guid? Agent { get; set; }

    [MaxLength(100)]
    public string? CitizenName { get; set; }

    [MaxLength(30)]
    public string? CitizenIdNumber { get; set; }

    [MaxLength(30)]
    public string? CitizenMobile { get; set; }

    public MandateScope Scope { get; set; } = MandateScope.Item;

    /// <summary>The item's basic code, the bundle's code or the department's id (by <see cref="Scope"/>).</summary>
    [MaxLength(60)]
    public string? ScopeCode { get; set; }

    public DateOnly? StartsOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public bool MayReceiveResult { get; set; }
    public Guid? Request { get; set; }
    public IFormFile? SignedScan { get; set; }
}

public sealed record GrantResult(Mandate? Mandate, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// 委托代办 granted: online by the citizen in their account, or at a village station with the agent, the signed 授权委托书
/// scanned and kept. Every rule is checked before anything is written (the citizen's ID number, the agent, the scope
/// against the catalog, the dates: from today, a year at most); the mandate gets its WT number, its first act, and the
/// citizen (inbox when they have an account, text message) and the agent are told, in one transaction.
/// </summary>
public sealed class GrantMandate(
    GovDbContext db,
    ICitizenDirectory citizens,
    IRegionDirectory regions,
    ICatalogDirectory catalog,
    IOrganizationDirectory organization,
    INotifications notifications,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>By the signed-in citizen, to the agent they chose.</summary>
    public async Task<GrantResult> OnlineAsync(Guid citizenUserId, MandateForm form, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var citizen = await citizens.FindByUserIdAsync(citizenUserId, ct);
        var agents = await regions.AgentsAsync(ct);
        var agent = agents.FirstOrDefault(a => a.UserId == form.Agent);
        if (agent is null)
        {
            errors.Add((nameof(form.Agent), l["Mandate.Agent.Required"]));
        }

        var scope = await ScopeAsync(form, errors, ct);
        var (starts, expires) = Dates(form, errors);
        if (citizen is null || agent is null || scope is null || errors.Count > 0)
        {
            return new GrantResult(null, errors.Count > 0 ? errors : [(string.Empty, l["Common.CheckFields"])]);
        }

        var mandate = Mandate.Create(starts, expires);
        mandate.CitizenUserId = citizen.UserId;
        mandate.CitizenName = citizen.RealName;
        mandate.CitizenIdNumber = citizen.IdNumber;
        mandate.CitizenMobile = citizen.Mobile ?? "";
        mandate.GrantedBy = MandateGrant.Online;
        return await SaveAsync(mandate, agent, scope.Value, form, citizen.RealName, ct);
    }

    /// <summary>At the village station: the agent records the mandate the citizen signed there.</summary>
    public async Task<GrantResult> SignedAsync(Guid agentUserId, MandateForm form, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var agent = (await regions.AgentsAsync(ct)).FirstOrDefault(a => a.UserId == agentUserId);
        var name = form.CitizenName?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            errors.Add((nameof(form.CitizenName), l["Register.RealName.Required"]));
        }

        var problem = ChineseIdNumber.Check(form.CitizenIdNumber, clock.Today());
        if (problem != IdNumberProblem.None)
        {
            errors.Add((nameof(form.CitizenIdNumber), l[$"IdNumber.{problem}"]));
        }

        if (!MobileNumber.IsValid(form.CitizenMobile))
        {
            errors.Add((nameof(form.CitizenMobile), l["Mobile.Invalid"]));
        }

        var scope = await ScopeAsync(form, errors, ct);
        var (starts, expires) = Dates(form, errors);
        var (content, kind, scanProblem) = await UploadRules.ReadAsync(form.SignedScan, UploadRules.IsScanOrPhoto, ct);
        if (scanProblem != UploadRules.Problem.None)
        {
            var label = l["Mandate.SignedScan"].Value;
            errors.Add((nameof(form.SignedScan), l["Upload." + scanProblem, label, StoredFileName.AsShown(form.SignedScan?.FileName ?? "")]));
        }

        if (agent is null || scope is null || errors.Count > 0)
        {
            return new GrantResult(null, errors.Count > 0 ? errors : [(string.Empty, l["Common.CheckFields"])]);
        }

        var idNumber = ChineseIdNumber.Normalize(form.CitizenIdNumber!);
        var account = await citizens.FindByIdNumberAsync(idNumber, ct);
        var mandate = Mandate.Create(starts, expires);
        mandate.CitizenUserId = account?.UserId;
        mandate.CitizenName = name;
        mandate.CitizenIdNumber = idNumber;
        mandate.CitizenMobile = form.CitizenMobile!.Trim();
        mandate.GrantedBy = MandateGrant.AtStation;
        mandate.SignedScan = content;
        mandate.SignedScanType = kind!.ContentType;
        mandate.SignedScanSha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return await SaveAsync(mandate, agent, scope.Value, form, agent.Name, ct);
    }

    private async Task<GrantResult> SaveAsync(Mandate mandate, AgentInfo agent, (string Code, string Name) scope, MandateForm form, string byName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        mandate.AgentUserId = agent.UserId;
        mandate.AgentName = agent.Name;
        mandate.AgentRegionId = agent.RegionId;
        mandate.Scope = form.Scope;
        mandate.ScopeCode = scope.Code;
        mandate.ScopeName = scope.Name;
        mandate.MayReceiveResult = form.MayReceiveResult;
        mandate.GrantedAt = now;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        mandate.Number = await new DocumentNumbers(db, clock).NextAsync(DocumentSeries.Mandate, ct);
        db.Add(mandate);
        db.Add(new MandateAct { MandateId = mandate.Id, At = now, Kind = MandateActKind.Granted, ByName = byName, Note = mandate.ScopeName });
        var dates = $"{mandate.StartsOn:yyyy-MM-dd}—{mandate.ExpiresOn:yyyy-MM-dd}";
        await notifications.PostAsync(
        [
            new Notice($"mandate-granted:{mandate.Id}", mandate.CitizenUserId, mandate.CitizenMobile, l["Mandate.Notice.GrantedTitle", mandate.Number],
                l["Mandate.Notice.GrantedBody", agent.Name, mandate.ScopeName, dates], $"/my/mandates/{mandate.Id}",
                l["Mandate.Notice.GrantedSms", agent.Name, mandate.ScopeName, mandate.ExpiresOn.ToString("yyyy-MM-dd")]),
            new Notice($"mandate-granted:{mandate.Id}:agent", agent.UserId, null, l["Mandate.Notice.ToAgentTitle", mandate.CitizenName],
                l["Mandate.Notice.GrantedBody", agent.Name, mandate.ScopeName, dates], $"/agent/mandates/{mandate.Id}"),
        ], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new GrantResult(mandate, []);
    }

    /// <summary>The scope's code and name as the catalog has them; an unknown one is an error beside the field.</summary>
    private async Task<(string Code, string Name)?> ScopeAsync(MandateForm form, List<(string, string)> errors, CancellationToken ct)
    {
        var code = form.ScopeCode?.Trim() ?? "";
        (string, string)? found = form.Scope switch
        {
            MandateScope.Item when code.Length > 0 && await catalog.FindPublishedAsync(code, ct) is { } item => (item.BasicCode, item.Name),
            MandateScope.Bundle when code.Length > 0 && await catalog.FindBundleAsync(code, ct) is { } bundle => (bundle.Code, bundle.Name),
            MandateScope.Department when Guid.TryParse(code, out var id) && (await organization.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == id) is { } department
                => (department.Id.ToString(), l["Mandate.Scope.AllOf", department.Name].Value),
            _ => null,
        };
        if (found is null)
        {
            errors.Add((nameof(form.ScopeCode), l["Mandate.Scope.Unknown"]));
        }

        return found;
    }

    /// <summary>From today (or a later day) to at most a year later.</summary>
    private (DateOnly Starts, DateOnly Expires) Dates(MandateForm form, List<(string, string)> errors)
    {
        var today = clock.Today();
        var starts = form.StartsOn ?? today;
        if (starts < today || starts > today.AddDays(Mandate.MaxDays))
        {
            errors.Add((nameof(form.StartsOn), l["Mandate.StartsOn.Invalid"]));
            return (today, today);
        }

        if (form.ExpiresOn is not { } expires || expires < starts || expires.DayNumber - starts.DayNumber > Mandate.MaxDays)
        {
            errors.Add((nameof(form.ExpiresOn), l["Mandate.ExpiresOn.Invalid"]));
            return (starts, starts);
        }

        return (starts, expires);
    }
}

/// <summary>The bounds of the mandate form's texts (their rules are <see cref="GrantMandate"/>'s).</summary>
internal sealed class MandateFormValidator : AbstractValidator<MandateForm>
{
    public MandateFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.CitizenName).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.CitizenIdNumber).MaximumLength(18).WithMessage(l["IdNumber.Format"]);
        RuleFor(f => f.CitizenMobile).MaximumLength(11).WithMessage(l["Mobile.Invalid"]);
        RuleFor(f => f.ScopeCode).MaximumLength(40).WithMessage(l["Mandate.Scope.Unknown"]);
    }
}
