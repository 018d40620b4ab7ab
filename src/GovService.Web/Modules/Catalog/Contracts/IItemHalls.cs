using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Catalog.Contracts;

/// <summary>A hall where an item is handled, as its guide lists it: where, when (服务时间, in the reader's language) and whether it can be booked.</summary>
public sealed record ItemHall(Guid HallId, string Name, string Address, string Phone, IReadOnlyList<string> Hours, bool TakesAppointments);

/// <summary>
/// The halls that handle items of a window category, for the guide. Owned here and implemented by the module that keeps
/// the halls' service hours (Appointments), so the dependency points one way; the guide lists none when no module does.
/// </summary>
public interface IItemHalls
{
    Task<IReadOnlyList<ItemHall>> ForCategoryAsync(WindowCategory category, CancellationToken cancellationToken = default);
}
