using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>
/// One step of a case's history as the applicant sees it on the timeline (办理环节): what happened, the state
/// it left the case in, who handled it with their office and office phone, and the opinion or note given.
/// Rows are only ever added.
/// </summary>
public sealed class CaseStep
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>A resource key suffix: CaseStep.{Action}, e.g. Submitted, Accepted, SupplementRequested.</summary>
    public string Action { get; set; } = "";
    public CaseState State { get; set; }
    public Guid? StaffId { get; set; }
    public string HandlerName { get; set; } = "";
    public string HandlerOffice { get; set; } = "";
    public string HandlerPhone { get; set; } = "";
    public string Note { get; set; } = "";

    /// <summary>A step handled by a member of staff, who is named with their hall or department and office phone.</summary>
    public static CaseStep By(Case c, string action, StaffPlacement staff, DateTimeOffset at, string note = "") => new()
    {
        CaseId = c.Id,
        At = at.ToUniversalTime(),
        Action = action,
        State = c.State,
        StaffId = staff.StaffId,
        HandlerName = staff.Name,
        HandlerOffice = staff.HallName ?? staff.DepartmentName ?? staff.RegionName ?? "",
        HandlerPhone = staff.OfficePhone,
        Note = note,
    };

    /// <summary>A step taken by the applicant (submitted, supplied a material, withdrew) or by the system (an automatic termination).</summary>
    public static CaseStep ByApplicantOrSystem(Case c, string action, string who, DateTimeOffset at, string note = "") => new()
    {
        CaseId = c.Id,
        At = at.ToUniversalTime(),
        Action = action,
        State = c.State,
        HandlerName = who,
        Note = note,
    };
}
