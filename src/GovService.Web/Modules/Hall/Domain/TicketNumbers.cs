using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Hall.Domain;

/// <summary>The day's counter of one hall's category (<c>hal_ticket_counters</c>).</summary>
public sealed class TicketCounter
{
    public Guid HallId { get; set; }
    public DateOnly Day { get; set; }
    public WindowCategory Category { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// The one statement that numbers a ticket: the hall's day's counter of the category, created or incremented in one
/// upsert whose row lock holds until the issuing transaction ends, so two kiosks pressing at once queue on the row and
/// never draw the same number; a rolled-back issue gives its number back.
/// </summary>
public sealed class TicketNumbers(GovDbContext db)
{
    public async Task<int> NextAsync(Guid hallId, DateOnly day, WindowCategory category, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>(
                $"""
                INSERT INTO gov.hal_ticket_counters (hall_id, day, category, last) VALUES ({hallId}, {day}, {(int)category}, 1)
                ON CONFLICT (hall_id, day, category) DO UPDATE SET last = gov.hal_ticket_counters.last + 1
                RETURNING last AS "Value"
                """)
            .ToListAsync(ct)).Single();
}
