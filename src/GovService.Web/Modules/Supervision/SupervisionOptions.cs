namespace GovService.Web.Modules.Supervision;

/// <summary>Settings under "Supervision" (docs/operations.md).</summary>
public sealed class SupervisionOptions
{
    /// <summary>Cron of the deadline sweep, Asia/Shanghai time.</summary>
    public string SweepCron { get; set; } = "*/5 * * * *";

    /// <summary>Cron of the dashboard figures' refresh (recent days and days with open cases), Asia/Shanghai.</summary>
    public string FactsCron { get; set; } = "2-59/5 * * * *";

    /// <summary>Cron of the nightly rebuild of all the dashboard figures.</summary>
    public string FactsRebuildCron { get; set; } = "40 2 * * *";

    /// <summary>How many days back the frequent refresh recomputes (older days only while they hold open cases).</summary>
    public int FactsRefreshDays { get; set; } = 90;

    /// <summary>Cron of the supervisors' daily digest, Asia/Shanghai time (sent on working days only).</summary>
    public string DigestCron { get; set; } = "30 8 * * *";

    /// <summary>work_mem of the sweep's transaction (MB): its hash joins over every open case stay in memory.</summary>
    public int SweepWorkMemMegabytes { get; set; } = 128;

    /// <summary>Default yellow rule: this share of the working time elapsed …</summary>
    public int YellowPercent { get; set; } = 80;

    /// <summary>… or this many working days left (either triggers).</summary>
    public int YellowDaysLeft { get; set; } = 1;

    /// <summary>Working days a department has to answer a supervision order before it escalates.</summary>
    public int ResponseWorkingDays { get; set; } = 2;

    /// <summary>Working days a department has to call back, rectify and feed back on a bad rating (差评整改).</summary>
    public int RectifyWorkingDays { get; set; } = 5;

    /// <summary>Working days to answer a complaint (投诉承诺时限).</summary>
    public int ComplaintWorkingDays { get; set; } = 5;

    /// <summary>Lets an administrator run the sweep "as of" a chosen day (development and training only).</summary>
    public bool AllowChosenDate { get; set; }

    /// <summary>The county's reform goals shown against the live figures on the dashboard (percent).</summary>
    public ReformTargets Targets { get; set; } = new();
}

/// <summary>Goals set by the county's 政务服务管理局 for the reform figures (Supervision:Targets:*, percent).</summary>
public sealed class ReformTargets
{
    /// <summary>网上可办率: published items that can be applied for online (depth ≥ 3).</summary>
    public int OnlineDoable { get; set; } = 90;

    /// <summary>一窗受理率: items handled in a hall that are taken at the comprehensive window.</summary>
    public int OneWindow { get; set; } = 90;

    /// <summary>不见面办理率: cases of the period handled without a visit.</summary>
    public int NoVisit { get; set; } = 60;

    /// <summary>最多跑一次: published items needing at most one visit.</summary>
    public int AtMostOneVisit { get; set; } = 95;

    /// <summary>材料免提交率: required materials supplied from e-licences instead of paper.</summary>
    public int MaterialReuse { get; set; } = 30;
}
