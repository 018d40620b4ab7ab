using GovService.Web.Shared.Calendar;
using Hangfire;

namespace GovService.Web.Modules.Supervision.Sweep;

/// <summary>The recurring deadline sweep (Supervision:SweepCron, Asia/Shanghai; every 5 minutes by default).</summary>
public sealed class DeadlineSweepJob(DeadlineSweep sweep, TimeProvider clock)
{
    public const string RecurringId = "supervision.deadline-sweep";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(clock.Today(), cancellationToken);
        return result.YellowCards + result.RedCards;
    }
}
