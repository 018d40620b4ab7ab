using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Mandates;

/// <summary>What an extension or revocation came to: no such mandate of the citizen (404), refused with a message, or done.</summary>
public sealed record ChangeOutcome(bool Found, string? Error)
{
    public static readonly ChangeOutcome NotFound = new(false, null);
    public static readonly ChangeOutcome Done = new(true, null);
}

/// <summary>
/// The citizen extends (延期) or revokes (撤销) a mandate of theirs. The row's version (xmin) is checked: a revocation that
/// meets an agent's act under the mandate waits for that act's transaction (which holds the row FOR SHARE) and then
/// revokes it; an act that comes after it is refused. The agent is told in the same transaction.
/// </summary>
public sealed class ChangeMandate(GovDbContext db, INotifications notifications, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<ChangeOutcome> ExtendAsync(Guid citizenUserId, Guid mandateId, DateOnly? to, CancellationToken ct) =>
        ChangeAsync(citizenUserId, mandateId, (mandate, today) =>
        {
            if (mandate.State != MandateState.Granted)
            {
                return l["Mandate.AlreadyRevoked"];
            }

            if (to is not { } day || day <= mandate.ExpiresOn || day < today || day.DayNumber - today.DayNumber > Mandate.MaxDays)
            {
                return l["Mandate.Extend.Invalid", mandate.ExpiresOn.ToString("yyyy-MM-dd")];
            }

            mandate.Extend(day, today);
            return null;
        }, MandateActKind.Extended, m => m.ExpiresOn.ToString("yyyy-MM-dd"), ct);

    public Task<ChangeOutcome> RevokeAsync(Guid citizenUserId, Guid mandateId, CancellationToken ct) =>
        ChangeAsync(citizenUserId, mandateId, (mandate, _) =>
        {
            if (mandate.State != MandateState.Granted)
            {
                return l["Mandate.AlreadyRevoked"];
            }

            mandate.Revoke(clock.GetUtcNow());
            return null;
        }, MandateActKind.Revoked, _ => "", ct);

    private async Task<ChangeOutcome> ChangeAsync(Guid citizenUserId, Guid mandateId, Func<Mandate, DateOnly, string?> change, MandateActKind kind, Func<Mandate, string> note, CancellationToken ct)
    {
        var mandate = await db.Set<Mandate>().FirstOrDefaultAsync(m => m.Id == mandateId && m.CitizenUserId == citizenUserId, ct);
        if (mandate is null)
        {
            return ChangeOutcome.NotFound;
        }

        if (change(mandate, clock.Today()) is { } error)
        {
            return new ChangeOutcome(true, error);
        }

        var now = clock.GetUtcNow();
        db.Add(new MandateAct { MandateId = mandate.Id, At = now, Kind = kind, ByName = mandate.CitizenName, Note = note(mandate) });
        var what = l[$"MandateActKind.{kind}"].Value;
        await notifications.PostAsync(
        [
            new Notice($"mandate-{kind}:{mandate.Id}:{now.ToUnixTimeMilliseconds()}", mandate.AgentUserId, null,
                l["Mandate.Notice.ChangedTitle", mandate.Number, what], l["Mandate.Notice.ChangedBody", mandate.CitizenName, what, mandate.ScopeName, note(mandate)],
                $"/agent/mandates/{mandate.Id}"),
        ], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ChangeOutcome(true, l["Common.ConcurrentEdit"]);
        }

        return ChangeOutcome.Done;
    }
}
