namespace GovService.Web.Modules.Supervision;

/// <summary>Settings under "Supervision" (docs/operations.md).</summary>
public sealed class SupervisionOptions
{
    /// <summary>Cron of the deadline sweep, Asia/Shanghai time.</summary>
    public string SweepCron { get; set; } = "*/5 * * * *";

    /// <summary>Default yellow rule: this share of the working time elapsed …</summary>
    public int YellowPercent { get; set; } = 80;

    /// <summary>… or this many working days left (either triggers).</summary>
    public int YellowDaysLeft { get; set; } = 1;

    /// <summary>Working days a department has to answer a supervision order before it escalates.</summary>
    public int ResponseWorkingDays { get; set; } = 2;

    /// <summary>Working days a department has to call back, rectify and feed back on a bad rating (差评整改).</summary>
    public int RectifyWorkingDays { get; set; } = 5;

    /// <summary>Lets an administrator run the sweep "as of" a chosen day (development and training only).</summary>
    public bool AllowChosenDate { get; set; }
}
