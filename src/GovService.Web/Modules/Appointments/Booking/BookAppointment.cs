using FluentValidation;
using System.Globalization;
using System.Security.Cryptography;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>What a citizen picks on the booking page: the item (or bundle), the hall, the day and the slot ("09:30").</summary>
public sealed class BookingForm
{
    public string? Item { get; set; }
    public string? Bundle { get; set; }
    public Guid? Hall { get; set; }
    public DateOnly? Day { get; set; }
    public string? Slot { get; set; }
}

internal sealed class BookingFormValidator : AbstractValidator<BookingForm>
{
    public BookingFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Item).MaximumLength(12).WithMessage(l["Appointment.Item.NotBookable"]);
        RuleFor(f => f.Bundle).MaximumLength(40).WithMessage(l["Appointment.Item.NotBookable"]);
        RuleFor(f => f.Slot).MaximumLength(5).WithMessage(l["Appointment.Slot.Choose"]);
    }
}

/// <summary>What is booked: an item or a 一件事 bundle, and the window category that serves it.</summary>
public sealed record BookedService(string Code, string Name, WindowCategory Category, bool IsBundle);

public sealed record BookingResult(Appointment? Appointment, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// Booking a slot (预约), and 改约: every rule of the appointment book in one place — the service must be bookable at the
/// hall, the day open and within the horizon, the slot one of the day's slots, not past and not in a blackout, the
/// person not barred for no-shows, under the per-person daily limit, and the slot not full. The last two are checked
/// under two transaction-scoped advisory locks (the person's day, then the hall's day, always in that order), so two
/// citizens racing for the last place get one winner and a person's parallel posts cannot pass the limit together.
/// A rebooking inserts the new booking and only then releases the old one, in the same transaction: when the new slot
/// is full nothing changes.
/// </summary>
public sealed class BookAppointment(
    GovDbContext db,
    ICatalogDirectory catalog,
    IOrganizationDirectory organization,
    ICitizenDirectory citizens,
    SlotBoard board,
    Hours.ServiceHoursQueries hours,
    IWorkingCalendarProvider calendars,
    DocumentNumbers numbers,
    AppointmentNotices notices,
    TimeProvider clock,
    IOptions<AppointmentOptions> options,
    IStringLocalizer<SharedResource> l,
    ILogger<BookAppointment> logger)
{
    /// <summary>The advisory-lock classes: a person's day and a hall's day (the second key is a hash of the id and date).</summary>
    private const int PersonDayLock = 0x0A71;
    private const int HallDayLock = 0x0A72;

    /// <summary>The item or bundle as booked; null when it is not published or cannot be booked at a hall.</summary>
    public async Task<BookedService?> ServiceAsync(string? item, string? bundle, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(bundle))
        {
            // 一件事 bundles are taken in at the 综合受理 windows (无差别受理).
            return await catalog.FindBundleAsync(bundle.Trim(), ct) is { } b ? new BookedService(b.Code, b.Name, WindowCategory.Comprehensive, true) : null;
        }

        return !string.IsNullOrWhiteSpace(item) && await catalog.HallServiceAsync(item.Trim(), ct) is { InHall: true, SupportsAppointment: true } s
            ? new BookedService(s.BasicCode, s.Name, s.WindowCategory, false)
            : null;
    }

    public Task<BookingResult> BookAsync(Guid userId, BookingForm form, CancellationToken ct) => RunAsync(userId, form, null, ct);

    /// <summary>改约: the same service at a new hall, day or slot; the old booking is released only if the new one is made.</summary>
    public Task<BookingResult> RebookAsync(Guid userId, Guid appointmentId, BookingForm form, CancellationToken ct) => RunAsync(userId, form, appointmentId, ct);

    private async Task<BookingResult> RunAsync(Guid userId, BookingForm form, Guid? replacing, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Appointment? old = null;
        BookedService? service;
        if (replacing is { } id)
        {
            old = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
            if (old is null || !old.IsOpen || old.EndsAt <= now)
            {
                return Refused("", l["Appointment.NotChangeable"]);
            }

            service = new BookedService(old.ItemCode, old.ItemName, old.Category, old.IsBundle);
        }
        else
        {
            service = await ServiceAsync(form.Item, form.Bundle, ct);
            if (service is null)
            {
                return Refused(nameof(form.Item), l["Appointment.Item.NotBookable"]);
            }
        }

        var hall = (await organization.HallDetailsAsync(ct)).FirstOrDefault(h => h.Id == form.Hall && h.WindowsOf(service.Category) > 0);
        if (hall is null)
        {
            return Refused(nameof(form.Hall), l["Appointment.Hall.NotOffered"]);
        }

        if (form.Day is not { } day)
        {
            return Refused(nameof(form.Day), l["Common.Required"]);
        }

        var today = clock.Today();
        if (SlotBoard.DayClosed(day, today, options.Value.HorizonDays, await hours.WeekOfAsync(hall.Id, ct), await calendars.GetAsync(ct)) is { } closed)
        {
            return Refused(nameof(form.Day), l[closed.Key, closed.Argument]);
        }

        if (!TimeOnly.TryParseExact(form.Slot, "HH\\:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts))
        {
            return Refused(nameof(form.Slot), l["Appointment.Slot.Choose"]);
        }

        var offer = (await board.SlotsAsync(hall, service.Category, day, old?.Id, ct)).FirstOrDefault(o => o.Slot.Starts == starts);
        if (offer is null)
        {
            return Refused(nameof(form.Slot), l["Appointment.Slot.NotOffered"]);
        }

        if (offer.Closed is { } why)
        {
            return Refused(nameof(form.Slot), why);
        }

        if (await BarredUntilAsync(userId, today, ct) is { } until)
        {
            return Refused("", l["Appointment.Barred", options.Value.NoShowLimit, options.Value.NoShowWindowDays, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }

        var person = await citizens.FindByUserIdAsync(userId, ct) ?? throw new InvalidOperationException($"No citizen account {userId}.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var personKey = $"{userId}:{dayText}";
        var hallKey = $"{hall.Id}:{dayText}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PersonDayLock}, hashtext({personKey}))", ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HallDayLock}, hashtext({hallKey}))", ct);

        var oldId = old?.Id;
        var mine = await db.Set<Appointment>().CountAsync(a => a.UserId == userId && a.Day == day && a.Id != oldId
            && (a.State == AppointmentState.Booked || a.State == AppointmentState.Arrived), ct);
        if (mine >= options.Value.MaxPerPersonPerDay)
        {
            await transaction.RollbackAsync(ct);
            return Refused(nameof(form.Day), l["Appointment.Day.OverLimit", options.Value.MaxPerPersonPerDay]);
        }

        var taken = (await board.TakenAsync(hall.Id, service.Category, day, old?.Id, ct)).GetValueOrDefault(starts);
        if (taken >= offer.Capacity)
        {
            await transaction.RollbackAsync(ct);
            return Refused(nameof(form.Slot), l["Appointment.Slot.Full"]);
        }

        var used = await db.Set<Appointment>().Where(a => a.HallId == hall.Id && a.Day == day).Select(a => a.CheckInCode).ToListAsync(ct);
        var booking = new Appointment
        {
            Number = await numbers.NextAsync(DocumentSeries.Appointment, ct),
            CheckInCode = FreshCode([.. used]),
            HallId = hall.Id,
            Category = service.Category,
            Day = day,
            SlotStarts = starts,
            StartsAt = offer.Slot.StartsAt,
            EndsAt = offer.Slot.EndsAt,
            ItemCode = service.Code,
            ItemName = service.Name,
            IsBundle = service.IsBundle,
            UserId = userId,
            PersonName = person.RealName,
            IdNumber = person.IdNumber,
            Mobile = person.Mobile,
            BookedAt = now,
        };
        db.Add(booking);
        if (old is not null)
        {
            old.ReplaceBy(booking, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Refused("", l["Appointment.NotChangeable"]); // the old booking was checked in or marked no-show meanwhile
        }

        await notices.BookedAsync(booking, hall.Name, old, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Appointment {AppointmentNumber} booked at hall {HallId} for {Day} {Slot}, replacing {Replaced}", booking.Number, hall.Id, dayText, form.Slot, old?.Number);
        return new BookingResult(booking, []);
    }

    /// <summary>Until when a person may not book because of no-shows (the setting's limit within its window), or null.</summary>
    public async Task<DateOnly?> BarredUntilAsync(Guid userId, DateOnly today, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.NoShowBanEnabled)
        {
            return null;
        }

        var since = today.AddDays(-o.NoShowWindowDays);
        var missed = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.UserId == userId && a.State == AppointmentState.NoShow && a.Day > since)
            .OrderByDescending(a => a.Day).Select(a => a.Day).Take(o.NoShowLimit).ToListAsync(ct);
        if (missed.Count < o.NoShowLimit)
        {
            return null;
        }

        var until = missed[0].AddDays(o.NoShowBanDays);
        return until > today ? until : null;
    }

    /// <summary>Six random digits not yet used at the hall that day (read under the hall's day lock, so no two bookings share one).</summary>
    private static string FreshCode(HashSet<string> used)
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
            if (used.Add(code))
            {
                return code;
            }
        }
    }

    private static BookingResult Refused(string field, string message) => new(null, [(field, message)]);
}
