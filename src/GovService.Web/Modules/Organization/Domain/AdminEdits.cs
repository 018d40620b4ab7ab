using GovService.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Domain;

/// <summary>A rule a form broke that needs the database to see (a duplicate code, a wrong parent); shown next to the field.</summary>
public sealed record FormError(string Field, string Message);

/// <summary>
/// How the administrators' edits of the organisation load and save. Format rules live in the form validators; rules
/// that need the database live in the use cases (<c>SaveRegion</c>, <c>CreateStaff</c> …), so no controller can skip them.
/// </summary>
internal static class AdminEdits
{
    /// <summary>Loads an entity and sets the version the editor saw, so a concurrent edit is refused.</summary>
    public static async Task<T> FindForEditAsync<T>(this GovDbContext db, Guid id, uint version, CancellationToken ct)
        where T : class
    {
        var entity = await db.Set<T>().FindAsync([id], ct) ?? throw new KeyNotFoundException($"No {typeof(T).Name} {id}.");
        db.Entry(entity).Property("Version").OriginalValue = version;
        return entity;
    }

    /// <summary>Saves; an edit based on a stale page comes back as a form error instead of overwriting.</summary>
    public static async Task<IReadOnlyList<FormError>> SaveEditsAsync(this GovDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new(string.Empty, l["Common.ConcurrentEdit"])];
        }
    }
}
