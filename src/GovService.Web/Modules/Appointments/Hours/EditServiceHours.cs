using FluentValidation;
using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Appointments.Hours;

/// <summary>A period to add to a hall's week; times as "08:30".</summary>
public sealed class PeriodForm
{
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public PeriodKind Kind { get; set; } = PeriodKind.Regular;
    public string? Starts { get; set; }
    public string? Ends { get; set; }
}

internal sealed class PeriodFormValidator : AbstractValidator<PeriodForm>
{
    public PeriodFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Day).IsInEnum().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Kind).IsInEnum().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Starts).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(5).WithMessage(l["Hours.TimeFormat"]);
        RuleFor(f => f.Ends).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(5).WithMessage(l["Hours.TimeFormat"]);
    }
}

/// <summary>A blackout to add: from and to (Asia/Shanghai, as a datetime-local field sends them) and the reason shown to citizens.</summary>
public sealed class BlackoutForm
{
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Reason { get; set; }
}

internal sealed class BlackoutFormValidator : AbstractValidator<BlackoutForm>
{
    public BlackoutFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.StartsAt).NotNull().WithMessage(l["Common.Required"]);
        RuleFor(f => f.EndsAt).NotNull().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Reason).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
    }
}

/// <summary>The administrators' edits of a hall's service hours and blackouts; every rule that keeps the week sane is here.</summary>
public sealed class EditServiceHours(GovDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<(string Field, string Message)>> AddPeriodAsync(Guid hallId, PeriodForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Day) || !Enum.IsDefined(form.Kind))
        {
            return [(nameof(form.Day), l["Common.Required"])];
        }

        if (!TryTime(form.Starts, out var starts))
        {
            return [(nameof(form.Starts), l["Hours.TimeFormat"])];
        }

        if (!TryTime(form.Ends, out var ends))
        {
            return [(nameof(form.Ends), l["Hours.TimeFormat"])];
        }

        if (ends <= starts)
        {
            return [(nameof(form.Ends), l["Hours.EndsBeforeStart"])];
        }

        var sameDay = await db.Set<OpeningPeriod>().Where(p => p.HallId == hallId && p.Day == form.Day).ToListAsync(ct);
        if (sameDay.Any(p => p.Starts < ends && starts < p.Ends))
        {
            return [(nameof(form.Starts), l["Hours.Overlap"])];
        }

        db.Add(new OpeningPeriod { HallId = hallId, Day = form.Day, Kind = form.Kind, Starts = starts, Ends = ends });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<bool> RemovePeriodAsync(Guid hallId, Guid periodId, CancellationToken ct) =>
        await db.Set<OpeningPeriod>().FirstOrDefaultAsync(p => p.Id == periodId && p.HallId == hallId, ct) is { } period
        && await RemoveAsync(period, ct);

    public async Task<IReadOnlyList<(string Field, string Message)>> AddBlackoutAsync(Guid hallId, BlackoutForm form, CancellationToken ct)
    {
        if (form.StartsAt is not { } from)
        {
            return [(nameof(form.StartsAt), l["Common.Required"])];
        }

        if (form.EndsAt is not { } to)
        {
            return [(nameof(form.EndsAt), l["Common.Required"])];
        }

        if (to <= from)
        {
            return [(nameof(form.EndsAt), l["Hours.EndsBeforeStart"])];
        }

        var endsAt = ChinaTime.At(DateOnly.FromDateTime(to), TimeOnly.FromDateTime(to));
        if (endsAt <= clock.GetUtcNow())
        {
            return [(nameof(form.EndsAt), l["Hours.BlackoutPast"])];
        }

        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            return [(nameof(form.Reason), l["Common.Required"])];
        }

        db.Add(new Blackout { HallId = hallId, StartsAt = ChinaTime.At(DateOnly.FromDateTime(from), TimeOnly.FromDateTime(from)), EndsAt = endsAt, Reason = form.Reason.Trim() });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<bool> RemoveBlackoutAsync(Guid hallId, Guid blackoutId, CancellationToken ct) =>
        await db.Set<Blackout>().FirstOrDefaultAsync(b => b.Id == blackoutId && b.HallId == hallId, ct) is { } blackout
        && await RemoveAsync(blackout, ct);

    private async Task<bool> RemoveAsync(object entity, CancellationToken ct)
    {
        db.Remove(entity);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH\\:mm", "H\\:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
