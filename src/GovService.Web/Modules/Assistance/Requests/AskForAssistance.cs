using FluentValidation;
using System.ComponentModel.DataAnnotations;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Numbering;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>
/// A request for 代办 / 上门办 (an item and the citizen's village) or 帮办 (a company, and a 一件事 or a project). Online the
/// citizen is the signed-in one; by phone or at the station the applicant is named (<see cref="ApplicantName"/>,
/// <see cref="ApplicantIdNumber"/>); for 帮办 those are the company's name and 统一社会信用代码.
/// </summary>
public sealed class RequestForm
{
    public RequestKind Kind { get; set; } = RequestKind.Errand;

    /// <summary>The item's basic code (代办 / 上门办) or the bundle's code (帮办 of a 一件事).</summary>
    [MaxLength(40)]
    public string? Item { get; set; }

    /// <summary>帮办 of a project (项目名称) instead of a bundle.</summary>
    [MaxLength(200)]
    public string? Project { get; set; }

    public Guid? Village { get; set; }

    [MaxLength(200)]
    public string? Address { get; set; }

    [MaxLength(100)]
    public string? ApplicantName { get; set; }

    [MaxLength(30)]
    public string? ApplicantIdNumber { get; set; }

    [MaxLength(50)]
    public string? ContactName { get; set; }

    [MaxLength(30)]
    public string? Mobile { get; set; }

    [MaxLength(500)]
    public string? Note { get; set; }
}

public sealed record AskResult(AssistanceRequest? Request, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Who writes the request down, and through which channel.</summary>
public sealed record Recorder(RequestChannel Channel, string Name, Guid? CitizenUserId = null, AgentInfo? Agent = null);

/// <summary>
/// 申请代办 / 上门办 / 帮办: checked whole (nothing is written when a field is wrong), numbered (DL), offered to its first pool
/// (<see cref="RequestRouting"/>) with its accept time, or — at the village station — accepted at once by the agent who
/// writes it down. The citizen (inbox when they have an account, text message) and the pool's agents are told, in the
/// same transaction.
/// </summary>
public sealed class AskForAssistance(
    GovDbContext db,
    RequestRouting routing,
    ICatalogDirectory catalog,
    ICitizenDirectory citizens,
    IRegionDirectory regions,
    INotifications notifications,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public async Task<AskResult> RunAsync(RequestForm form, Recorder by, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var today = clock.Today();
        var request = new AssistanceRequest { Kind = form.Kind, Channel = by.Channel, RecordedByName = by.Name, Note = form.Note?.Trim() ?? "" };
        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add((nameof(form.Kind), l["Assistance.Kind.Required"]));
        }

        // Who it is for.
        CitizenInfo? citizen = by.CitizenUserId is { } me ? await citizens.FindByUserIdAsync(me, ct) : null;
        if (form.Kind == RequestKind.CompanyHelp)
        {
            if (string.IsNullOrWhiteSpace(form.ApplicantName) || form.ApplicantName.Trim().Length > 100)
            {
                errors.Add((nameof(form.ApplicantName), l["Assistance.Company.Required"]));
            }

            if (!UnifiedSocialCreditCode.IsValid(form.ApplicantIdNumber?.Trim().ToUpperInvariant()))
            {
                errors.Add((nameof(form.ApplicantIdNumber), l["Assistance.CreditCode.Invalid"]));
            }

            request.ApplicantName = form.ApplicantName?.Trim() ?? "";
            request.ApplicantIdNumber = form.ApplicantIdNumber?.Trim().ToUpperInvariant() ?? "";
            request.ContactName = citizen?.RealName ?? form.ContactName?.Trim() ?? "";
            if (request.ContactName.Length is 0 or > 50)
            {
                errors.Add((nameof(form.ContactName), l["Register.RealName.Required"]));
            }
        }
        else if (citizen is not null)
        {
            (request.ApplicantName, request.ApplicantIdNumber, request.ContactName) = (citizen.RealName, citizen.IdNumber, citizen.RealName);
        }
        else
        {
            var name = form.ApplicantName?.Trim() ?? "";
            if (name.Length is 0 or > 50)
            {
                errors.Add((nameof(form.ApplicantName), l["Register.RealName.Required"]));
            }

            var problem = ChineseIdNumber.Check(form.ApplicantIdNumber, today);
            if (problem != IdNumberProblem.None)
            {
                errors.Add((nameof(form.ApplicantIdNumber), l[$"IdNumber.{problem}"]));
            }
            else
            {
                request.ApplicantIdNumber = ChineseIdNumber.Normalize(form.ApplicantIdNumber!);
            }

            (request.ApplicantName, request.ContactName) = (name, name);
        }

        if (!MobileNumber.IsValid(form.Mobile))
        {
            errors.Add((nameof(form.Mobile), l["Mobile.Invalid"]));
        }

        request.Mobile = form.Mobile?.Trim() ?? "";

        // What it is about, and where.
        var code = form.Item?.Trim() ?? "";
        if (form.Kind == RequestKind.CompanyHelp)
        {
            var bundle = code.Length > 0 ? await catalog.FindBundleAsync(code, ct) : null;
            var project = form.Project?.Trim() ?? "";
            if (bundle is null && project.Length == 0)
            {
                errors.Add((nameof(form.Item), l["Assistance.Subject.Required"]));
            }

            (request.ItemCode, request.Subject) = bundle is null ? ("", project) : (bundle.Code, bundle.Name);
        }
        else
        {
            var item = code.Length > 0 ? await catalog.FindPublishedAsync(code, ct) : null;
            if (item is null)
            {
                errors.Add((nameof(form.Item), l["Assistance.Item.Required"]));
            }
            else
            {
                (request.ItemCode, request.Subject, request.VisitsNeeded) = (item.BasicCode, item.Name, item.VisitsNeeded);
            }

            var village = (await regions.RegionsAsync(ct)).FirstOrDefault(r => r.Id == form.Village && r.Tier == RegionTier.Village);
            if (village is null)
            {
                errors.Add((nameof(form.Village), l["Assistance.Village.Required"]));
            }

            // At the station, the request is the station's village's.
            if (by.Agent is { } agent && village is not null && village.Id != agent.RegionId)
            {
                errors.Add((nameof(form.Village), l["Assistance.Village.NotYours"]));
            }

            request.VillageId = village?.Id;
            request.Address = form.Address?.Trim() ?? "";
            if (form.Kind == RequestKind.HomeVisit && request.Address.Length == 0)
            {
                errors.Add((nameof(form.Address), l["Assistance.Address.Required"]));
            }
        }

        if (errors.Count > 0)
        {
            return new AskResult(null, errors);
        }

        request.CitizenUserId = citizen?.UserId ?? (form.Kind == RequestKind.CompanyHelp ? null : (await citizens.FindByIdNumberAsync(request.ApplicantIdNumber, ct))?.UserId);
        var now = clock.GetUtcNow();
        request.RequestedAt = now;
        var pool = by.Agent is { } self
            ? new Pool(AgentLevel.Village, self.RegionId, "")
            : await routing.FirstAsync(request.Kind, request.VillageId, ct);
        request.OfferTo(pool.Level, pool.RegionId, await routing.AcceptDueAsync(now, ct), now);
        if (by.Agent is { } taker)
        {
            request.Accept(taker.UserId, taker.Name, now, request.Kind == RequestKind.CompanyHelp ? null : await routing.FileDueAsync(now, ct));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.Number = await new DocumentNumbers(db, clock).NextAsync(DocumentSeries.AssistanceRequest, ct);
        db.Add(request);
        var kind = l[$"RequestKind.{request.Kind}"].Value;
        var notices = new List<Notice>
        {
            new($"assist-made:{request.Id}", request.CitizenUserId, request.Mobile, l["Assistance.Notice.MadeTitle", kind, request.Number],
                l["Assistance.Notice.MadeBody", request.Subject, request.AgentName.Length > 0 ? request.AgentName : l["Assistance.Notice.Pool", pool.RegionName].Value],
                request.CitizenUserId is null ? "" : $"/my/assistance/{request.Id}", l["Assistance.Notice.MadeSms", kind, request.Number]),
        };
        if (by.Agent is null)
        {
            notices.AddRange((await regions.AgentsAsync(ct)).Where(a => a.RegionId == pool.RegionId).Select(a =>
                new Notice($"assist-pool:{request.Id}:{a.UserId}", a.UserId, null, l["Assistance.Notice.PoolTitle", kind, request.Number], l["Assistance.Notice.PoolBody", request.ApplicantName, request.Subject], $"/agent/requests/{request.Id}")));
        }

        await notifications.PostAsync(notices, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AskResult(request, []);
    }
}

/// <summary>The bounds of the request form's texts (their rules are <see cref="AskForAssistance"/>'s).</summary>
internal sealed class RequestFormValidator : AbstractValidator<RequestForm>
{
    public RequestFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Item).MaximumLength(40).WithMessage(l["Assistance.Item.Required"]);
        RuleFor(f => f.Project).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.Address).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.ApplicantName).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.ApplicantIdNumber).MaximumLength(18).WithMessage(l["Common.TooLong", 18]);
        RuleFor(f => f.ContactName).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.Mobile).MaximumLength(11).WithMessage(l["Mobile.Invalid"]);
        RuleFor(f => f.Note).MaximumLength(500).WithMessage(l["Common.TooLong", 500]);
    }
}
