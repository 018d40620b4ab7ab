using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Hall.Queries;

namespace GovService.Web.Modules.Hall.Views;

/// <summary>The model of <c>_TicketFields</c>: the form, the hall's queues to choose from, the items, and whether the desk (绿色通道) fills it.</summary>
public sealed record TicketFields(TicketForm Form, IReadOnlyList<CategoryLine> Queues, IReadOnlyList<ItemChoice> Items, bool Desk);
