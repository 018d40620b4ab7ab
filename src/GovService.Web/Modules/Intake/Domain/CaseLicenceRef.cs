namespace GovService.Web.Modules.Intake.Domain;

/// <summary>免提交: a material of a case supplied by a licence from the applicant's wallet instead of an upload.</summary>
public sealed class CaseLicenceRef
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public int Position { get; set; }
    public string MaterialName { get; set; } = "";
    public Guid LicenceId { get; set; }
    public string LicenceName { get; set; } = "";
    public string LicenceNumber { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
