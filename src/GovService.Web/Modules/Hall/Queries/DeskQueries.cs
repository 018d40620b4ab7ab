using FluentValidation;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Hall.Queries;

/// <summary>The form a ticket is taken with (kiosk and 导服 desk).</summary>
public sealed class TicketForm
{
    public WindowCategory? Category { get; set; }
    public string PersonName { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Mobile { get; set; }
    public string? ItemCode { get; set; }

    /// <summary>残疾人 (declared).</summary>
    public bool Disabled { get; set; }

    /// <summary>绿色通道: the desk only.</summary>
    public bool GreenChannel { get; set; }
}

/// <summary>The 导服 desk of a hall: issue a ticket, the queues, the windows to sit at, absent tickets to re-queue.</summary>
public sealed record DeskPage(StaffPlacement Clerk, IReadOnlyList<WindowInfo> Windows, IReadOnlyList<CategoryLine> Queues, IReadOnlyList<Ticket> Absent, TicketForm Form, IReadOnlyList<Catalog.Contracts.ItemChoice> Items);

/// <summary>The kiosk (自助取号机) of a hall.</summary>
public sealed record KioskPage(Guid HallId, string HallName, IReadOnlyList<CategoryLine> Queues, TicketForm Form, IReadOnlyList<Catalog.Contracts.ItemChoice> Items, string? Query);

/// <summary>The hall of a self-service page (自助端).</summary>
public sealed record KioskHall(Guid Id, string Name);

/// <summary>预约签到 at the kiosk: the code typed and what was wrong with it.</summary>
public sealed record KioskCheckInPage(KioskHall Hall, string? Code, string? Error);

/// <summary>办件查询 at the kiosk: what was typed and, after a search, the public status (or none).</summary>
public sealed record KioskCasePage(KioskHall Hall, string? Number, string? QueryCode, bool Searched, Intake.Contracts.CaseStatus? Status);

/// <summary>打印证照 at the kiosk: which step (ID number, code, the wallet), the form's token and what to show.</summary>
public sealed record KioskLicencePage(KioskHall Hall, KioskLicenceStep Step)
{
    public string? IdNumber { get; init; }
    public string? Token { get; init; }
    public string? MobileTail { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<Certificates.Contracts.PrintableLicence> Licences { get; init; } = [];
}

public enum KioskLicenceStep
{
    IdNumber = 1,
    Code = 2,
    Wallet = 3,
}

/// <summary>The print page of one licence: its document in a frame, opened by a print token.</summary>
public sealed record KioskPrintPage(KioskHall Hall, Guid LicenceId, string PrintToken, string WalletToken);

/// <summary>A window's calling panel.</summary>
public sealed record PanelPage(WindowInfo Window, StaffPlacement Clerk, Ticket? Current, CategoryLine? Queue, IReadOnlyList<WindowCategory> Categories)
{
    /// <summary>Shown once, after the chief representative paired the window's rating device.</summary>
    public string? DeviceUrl { get; init; }
}

/// <summary>Pages of the desk, kiosk and panel, built from the queue's reads.</summary>
public sealed class DeskQueries(QueueQueries queue, IOrganizationDirectory organization, Catalog.Contracts.ICatalogDirectory catalog)
{
    /// <summary>The windows of the clerk's hall; null when the member of staff works in no hall.</summary>
    public async Task<IReadOnlyList<WindowInfo>?> WindowsAsync(StaffPlacement clerk, CancellationToken ct) =>
        clerk.HallId is { } hall ? await organization.WindowsOfHallAsync(hall, ct) : null;

    public async Task<WindowInfo?> WindowAsync(StaffPlacement clerk, Guid windowId, CancellationToken ct) =>
        (await WindowsAsync(clerk, ct))?.FirstOrDefault(w => w.Id == windowId);

    public async Task<DeskPage> DeskAsync(StaffPlacement clerk, TicketForm form, CancellationToken ct)
    {
        var display = await queue.DisplayAsync(clerk.HallId!.Value, ct);
        return new DeskPage(clerk, await WindowsAsync(clerk, ct) ?? [], display?.Queues ?? [], await queue.AbsentAsync(clerk.HallId.Value, ct), form, await catalog.SearchPublishedAsync(null, ct));
    }

    public async Task<KioskPage?> KioskAsync(Guid hallId, TicketForm form, string? query, CancellationToken ct) =>
        await queue.DisplayAsync(hallId, ct) is { } display
            ? new KioskPage(hallId, display.HallName, display.Queues, form, await catalog.SearchPublishedAsync(query, ct), query)
            : null;

    /// <summary>The hall a kiosk page belongs to; null when there is no such hall.</summary>
    public async Task<KioskHall?> KioskHallAsync(Guid hallId, CancellationToken ct) =>
        (await organization.HallsAsync(ct)).FirstOrDefault(h => h.Id == hallId) is { } hall ? new KioskHall(hall.Id, hall.Name) : null;

    public async Task<PanelPage> PanelAsync(WindowInfo window, StaffPlacement clerk, CancellationToken ct)
    {
        var display = await queue.DisplayAsync(window.HallId, ct);
        return new PanelPage(window, clerk, await queue.AtWindowAsync(window.Id, ct), display?.Queues.FirstOrDefault(q => q.Category == window.Category), display?.Queues.Select(q => q.Category).ToList() ?? []);
    }
}

/// <summary>Bounds of the ticket form; the rules themselves (ID number, mobile, item) are <see cref="Issuing.IssueTicket"/>'s.</summary>
internal sealed class TicketFormValidator : AbstractValidator<TicketForm>
{
    public TicketFormValidator(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Category).NotNull().WithMessage(l["Hall.CategoryRequired"]).IsInEnum().WithMessage(l["Hall.CategoryRequired"]);
        RuleFor(f => f.PersonName).MaximumLength(Issuing.IssueTicket.NameMax).WithMessage(l["Common.TooLong", Issuing.IssueTicket.NameMax]);
        RuleFor(f => f.IdNumber).MaximumLength(18).WithMessage(l["Common.TooLong", 18]);
        RuleFor(f => f.Mobile).MaximumLength(20).WithMessage(l["Common.TooLong", 20]);
        RuleFor(f => f.ItemCode).MaximumLength(12).WithMessage(l["Common.TooLong", 12]);
    }
}
