using GovService.Web.Modules.Approval.Review;
using Hangfire;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Approval.Jobs;

/// <summary>Claims left idle longer than Approval:ClaimIdleMinutes go back to the department's queue.</summary>
public sealed class ReleaseIdleClaimsJob(DepartmentQueues queue, IOptions<ApprovalOptions> options, ILogger<ReleaseIdleClaimsJob> logger)
{
    public const string RecurringId = "approval.release-idle-claims";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var released = await queue.ReleaseIdleAsync(TimeSpan.FromMinutes(options.Value.ClaimIdleMinutes), cancellationToken);
        if (released > 0)
        {
            logger.LogInformation("{Count} idle claims released", released);
        }

        return released;
    }
}
