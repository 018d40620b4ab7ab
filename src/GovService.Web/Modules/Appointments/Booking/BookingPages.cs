using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>The booking page: the service, the halls that take it, and for the chosen hall its days and the chosen day's slots.</summary>
public sealed record BookingPage(
    BookedService Service,
    BookingForm Form,
    IReadOnlyList<HallDetails> Halls,
    HallDetails? Hall,
    IReadOnlyList<DayOffer> Days,
    IReadOnlyList<SlotOffer> Slots,
    AppointmentRow? Replacing);

public sealed class BookingPages(BookAppointment booking, SlotBoard board, IOrganizationDirectory organization, Hours.ServiceHoursQueries hours, IStringLocalizer<SharedResource> l)
{
    /// <summary>The page for a new booking; null when the item or bundle cannot be booked.</summary>
    public async Task<BookingPage?> NewAsync(BookingForm form, CancellationToken ct) =>
        await booking.ServiceAsync(form.Item, form.Bundle, ct) is { } service ? await PageAsync(service, form, null, ct) : null;

    /// <summary>The page for 改约 of a booking: the same service, the booking's own place not counted as taken.</summary>
    public Task<BookingPage> RebookAsync(AppointmentRow replacing, BookingForm form, CancellationToken ct)
    {
        var a = replacing.Appointment;
        form.Hall ??= a.HallId;
        return PageAsync(new BookedService(a.ItemCode, a.ItemName, a.Category, a.IsBundle), form, replacing, ct);
    }

    private async Task<BookingPage> PageAsync(BookedService service, BookingForm form, AppointmentRow? replacing, CancellationToken ct)
    {
        var weeks = await hours.WeeksAsync(ct);
        var halls = (await organization.HallDetailsAsync(ct)).Where(h => h.WindowsOf(service.Category) > 0 && weeks.ContainsKey(h.Id)).ToList();
        var hall = halls.FirstOrDefault(h => h.Id == form.Hall) ?? (halls.Count == 1 ? halls[0] : null);
        if (hall is null)
        {
            return new BookingPage(service, form, halls, null, [], [], replacing);
        }

        form.Hall = hall.Id;
        var days = (await board.DaysAsync(hall.Id, ct)).Select(d => new DayOffer(d.Day, d.Closed is { } c ? l[c.Key, c.Argument].Value : null)).ToList();
        if (form.Day is not { } day || !days.Any(d => d.Day == day && d.Closed is null))
        {
            return new BookingPage(service, form, halls, hall, days, [], replacing);
        }

        var slots = await board.SlotsAsync(hall, service.Category, day, replacing?.Appointment.Id, ct);
        return new BookingPage(service, form, halls, hall, days, slots, replacing);
    }
}
