namespace GovService.Web.Modules.Hall.Dashboard;

/// <summary>When the hall's chief representative is told the queue is too long (<c>Hall:CrowdAlert:*</c>).</summary>
public sealed class CrowdAlertOptions
{
    public const string Section = "Hall:CrowdAlert";

    /// <summary>An alert is raised when more than this many people of one category have waited too long.</summary>
    public int People { get; set; } = 5;

    /// <summary>Waited too long: more than this many minutes since the ticket was issued.</summary>
    public int WaitMinutes { get; set; } = 30;
}
