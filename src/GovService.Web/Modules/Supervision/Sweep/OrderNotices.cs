using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Sweep;

/// <summary>Who is told of a supervision order and what they read: one place for the sweep's and the supervisors' orders.</summary>
public static class OrderNotices
{
    /// <summary>The staff who answer for work addressed to a department, or (without one) to a hall.</summary>
    public static async Task<IReadOnlyList<StaffContact>> StaffAnsweringAsync(IOrganizationDirectory organization, Guid? departmentId, Guid? hallId, CancellationToken ct) =>
        departmentId is { } d ? await organization.StaffOfDepartmentAsync(d, ct)
        : hallId is { } h ? await organization.StaffOfHallAsync(h, ct)
        : [];

    /// <summary>A level-0 order goes to the heads of the addressed department or hall; to all its staff when it has no head.</summary>
    public static IReadOnlyList<StaffContact> Addressees(IReadOnlyList<StaffContact> staff) =>
        staff.Any(s => s.IsHead) ? [.. staff.Where(s => s.IsHead)] : staff;

    public static IEnumerable<Notice> For(IEnumerable<StaffContact> recipients, Guid orderId, string number, string caseNumber, string content, DateOnly responseDue, int level, IStringLocalizer l)
    {
        var title = level == 0
            ? l["Supervision.Order.Notice.Title", number, caseNumber].Value
            : l["Supervision.Order.Escalated.Title", number, caseNumber, level].Value;
        var body = l["Supervision.Order.Notice.Body", content, responseDue.ToString("yyyy-MM-dd")].Value;
        return recipients.Select(p => new Notice($"order:{orderId}:{level}", p.UserId, null, title, body, $"/supervision/orders/{orderId}"));
    }
}
