namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>用证记录: every time staff open a licence used as a material — who, when and why (用证事由). Only ever added.</summary>
public sealed class LicenceUse
{
    public long Id { get; set; }
    public Guid LicenceId { get; set; }
    public Guid? StaffId { get; set; }
    public string StaffName { get; set; } = "";
    public string Office { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
