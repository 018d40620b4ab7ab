using System.Globalization;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>
/// Tells a citizen about their booking — made, changed, cancelled, the reminder the day before — in the inbox and by one
/// text message (at most <see cref="TextMessages.MaxLength"/> characters with the signature), in the language kept with
/// their account, posted in the caller's transaction. Keys name the booking and the event, so each is told once.
/// </summary>
public sealed class AppointmentNotices(INotifications notifications, IAccountLanguages languages, IStringLocalizer<SharedResource> l)
{
    public static string ReminderKey(Appointment a) => $"apt:{a.Id}:reminder";

    public async Task BookedAsync(Appointment booking, string hall, Appointment? replaced, CancellationToken ct)
    {
        var kind = replaced is null ? "Booked" : "Rebooked";
        var notices = new List<Notice> { await NoticeAsync(booking, hall, kind, ct) };
        await notifications.PostAsync(notices, ct);
        if (replaced is not null)
        {
            await notifications.CancelPendingAsync([ReminderKey(replaced)], ct);
        }
    }

    public async Task CancelledAsync(Appointment booking, string hall, CancellationToken ct)
    {
        await notifications.PostAsync([await NoticeAsync(booking, hall, "Cancelled", ct)], ct);
        await notifications.CancelPendingAsync([ReminderKey(booking)], ct);
    }

    /// <summary>The reminders for tomorrow's bookings (the job's), the languages read in one go.</summary>
    public async Task<int> RemindAsync(IReadOnlyCollection<(Appointment Booking, string Hall)> bookings, CancellationToken ct)
    {
        var cultures = await languages.OfAsync([.. bookings.Select(b => b.Booking.UserId).Distinct()], ct);
        var notices = bookings.Select(b => Render(b.Booking, b.Hall, "Reminder", cultures.GetValueOrDefault(b.Booking.UserId, Cultures.Chinese))).ToList();
        return await notifications.PostAsync(notices, ct);
    }

    private async Task<Notice> NoticeAsync(Appointment booking, string hall, string kind, CancellationToken ct)
    {
        var cultures = await languages.OfAsync([booking.UserId], ct);
        return Render(booking, hall, kind, cultures.GetValueOrDefault(booking.UserId, Cultures.Chinese));
    }

    /// <summary>One notice in <paramref name="culture"/>: resource keys <c>Appointment.Notice.{kind}.Title/Body/Sms</c>.</summary>
    public Notice Render(Appointment a, string hall, string kind, string culture)
    {
        using var scope = CultureScope.Of(culture);
        var date = a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shortDate = a.Day.ToString("MM-dd", CultureInfo.InvariantCulture);
        var time = a.SlotStarts.ToString("HH\\:mm", CultureInfo.InvariantCulture);
        var ends = TimeOnly.FromTimeSpan(a.EndsAt.ToOffset(TimeSpan.FromHours(8)).TimeOfDay).ToString("HH\\:mm", CultureInfo.InvariantCulture);
        var title = l[$"Appointment.Notice.{kind}.Title", a.ItemName].Value;
        var body = l[$"Appointment.Notice.{kind}.Body", hall, date, time, ends, a.ItemName, a.Number, a.CheckInCode].Value;
        var sms = l[$"Appointment.Notice.{kind}.Sms", shortDate, time, hall, a.CheckInCode].Value;
        if (TextMessages.Compose(sms).Length > TextMessages.MaxLength)
        {
            sms = l["Appointment.Notice.Sms.Fallback", a.Number].Value;
        }

        var key = kind == "Reminder" ? ReminderKey(a) : $"apt:{a.Id}:{kind}";
        return new Notice(key, a.UserId, string.IsNullOrWhiteSpace(a.Mobile) ? null : a.Mobile, title, body, "/my/appointments", sms);
    }
}
