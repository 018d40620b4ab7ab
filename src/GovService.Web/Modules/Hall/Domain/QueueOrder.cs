using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Identity;

namespace GovService.Web.Modules.Hall.Domain;

/// <summary>
/// The rules of the queue, in one place: the letter of each category, who has priority and in which order tickets are
/// called. Inside a category the next ticket is the lowest <see cref="Rank"/>, then the earliest
/// <see cref="Ticket.QueuedAt"/>, then the lowest sequence: 绿色通道 (1) before the elderly and the disabled (2)
/// before appointments (3) before everyone else (9). A re-queued or transferred ticket keeps its rank and queues from
/// the moment it re-joined.
/// </summary>
public static class QueueOrder
{
    public const int ElderlyAge = 60;

    /// <summary>The called numbers' letters: 综合受理 A, 企业开办 B, 社保医保 C, 不动产登记 D, 统一出件 E, 帮办代办 F.</summary>
    public static char Letter(WindowCategory category) => category switch
    {
        WindowCategory.Comprehensive => 'A',
        WindowCategory.Business => 'B',
        WindowCategory.SocialSecurity => 'C',
        WindowCategory.RealEstate => 'D',
        WindowCategory.Delivery => 'E',
        WindowCategory.Assistance => 'F',
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string Code(WindowCategory category, int sequence) => $"{Letter(category)}{sequence:000}";

    public static int Rank(PriorityReason priority) =>
        priority.HasFlag(PriorityReason.GreenChannel) ? 1
        : priority.HasFlag(PriorityReason.Elderly) || priority.HasFlag(PriorityReason.Disabled) ? 2
        : priority.HasFlag(PriorityReason.Appointment) ? 3
        : 9;

    /// <summary>Whether a valid ID number's holder is 60 or older on <paramref name="today"/>.</summary>
    public static bool IsElderly(string validIdNumber, DateOnly today) =>
        ChineseIdNumber.BirthDate(validIdNumber).AddYears(ElderlyAge) <= today;

    /// <summary>
    /// The reasons a ticket gets: the declared ones a source may give (a kiosk cannot give 绿色通道), with
    /// 老年人 decided by the ID number alone (declared 老年人 without an ID number of someone 60 or older is dropped).
    /// </summary>
    public static PriorityReason Reasons(PriorityReason declared, string? validIdNumber, TicketSource source, DateOnly today)
    {
        var reasons = declared & ~PriorityReason.Elderly;
        if (source == TicketSource.Kiosk)
        {
            reasons &= ~(PriorityReason.GreenChannel | PriorityReason.Appointment);
        }

        if (validIdNumber is not null && IsElderly(validIdNumber, today))
        {
            reasons |= PriorityReason.Elderly;
        }

        return reasons;
    }

    /// <summary>估计等候: the people ahead times the category's average service time today (or the default before any).</summary>
    public static int EstimatedWaitMinutes(int ahead, double? averageServiceMinutes, int defaultServiceMinutes, int windowsServing) =>
        (int)Math.Ceiling(ahead * (averageServiceMinutes ?? defaultServiceMinutes) / Math.Max(1, windowsServing));
}
