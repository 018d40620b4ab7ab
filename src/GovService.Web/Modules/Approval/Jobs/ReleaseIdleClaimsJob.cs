using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using Hangfire;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Approval.Jobs;

/// <summary>Claims left idle longer than Approval:ClaimIdleMinutes go back to the department's queue.</summary>
public sealed class ReleaseIdleClaimsJob(GovDbContext db, TimeProvider clock, IOptions<ApprovalOptions> options, ILogger<ReleaseIdleClaimsJob> logger)
{
    public const string RecurringId = "approval.release-idle-claims";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // One statement, safe on any number of instances.
        var before = clock.GetUtcNow().ToUniversalTime() - TimeSpan.FromMinutes(options.Value.ClaimIdleMinutes);
        var released = await ReviewTask.ReleaseClaimsAsync(db.Set<ReviewTask>().Where(t => t.State == TaskState.Open && t.LastActivityAt < before), cancellationToken);
        if (released > 0)
        {
            logger.LogInformation("{Count} idle claims released", released);
        }

        return released;
    }
}
