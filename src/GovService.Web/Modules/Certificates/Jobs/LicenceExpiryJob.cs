using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Jobs;

/// <summary>Licences past their validity become Expired (one statement; reruns change nothing).</summary>
public sealed class LicenceExpiryJob(GovDbContext db, TimeProvider clock, ILogger<LicenceExpiryJob> logger)
{
    public const string RecurringId = "certificates.expire";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var expired = await db.Set<Licence>()
            .Where(l => l.State == LicenceState.Valid && l.ValidUntil < today)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.State, LicenceState.Expired), cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("{Count} licences expired", expired);
        }

        return expired;
    }
}
