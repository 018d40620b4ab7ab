namespace GovService.Web.Modules.Supervision.Domain;

/// <summary>
/// Supervision work addressed to a department, or, when no department holds the case, to the hall: supervision
/// orders, rectification orders, complaints. Who sees it: <see cref="Dashboard.SupervisionViewer"/>.
/// </summary>
public interface IAddressedToOffice
{
    Guid? DepartmentId { get; }

    Guid? HallId { get; }
}
