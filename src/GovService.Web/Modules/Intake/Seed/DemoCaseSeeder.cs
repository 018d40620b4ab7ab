using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Seed;

/// <summary>
/// Two cases of the demo citizen 张伟 with fixed numbers and query codes (README), so the public status
/// lookup can be tried at once: one in review, one completed.
/// </summary>
internal sealed class DemoCaseSeeder(GovDbContext db, ICitizenDirectory citizens, ICatalogDirectory catalog, IWorkingCalendarProvider calendars, Organization.Contracts.IOrganizationDirectory organization, IEnumerable<Contracts.ICaseAcceptedHandler> acceptedHandlers) : ISeeder
{
    public int Order => 50;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo || await db.Set<Case>().AnyAsync(cancellationToken))
        {
            return;
        }

        var citizen = await citizens.FindByIdNumberAsync("361131198506120026", cancellationToken);
        var food = await catalog.FindPublishedAsync("000104004000", cancellationToken);
        var residence = await catalog.FindPublishedAsync("000707001000", cancellationToken);
        if (citizen is null || food is null || residence is null)
        {
            return;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var china = TimeSpan.FromHours(8);
        var inReview = Create(citizen, food, "3611312026110300001", "YXK7Q2", new DateTimeOffset(2026, 11, 3, 9, 40, 0, china), CaseState.InReview, calendar);
        inReview.HallId = await organization.ResponsibleHallAsync(food.DepartmentId, cancellationToken);
        db.Add(inReview);
        db.Add(Create(citizen, residence, "3611312026102000002", "M4TR8C", new DateTimeOffset(2026, 10, 20, 10, 5, 0, china), CaseState.Completed, calendar));
        await db.SaveChangesAsync(cancellationToken);

        // The case in review is routed like any accepted case: it waits in 市场监管局's queue.
        var accepted = new Contracts.CaseAccepted(inReview.Id, inReview.Number!, food.BasicCode, food.Name, food.CaseKind, inReview.HallId, new DateOnly(2026, 11, 3), food.PromisedLimit, food.PromisedInWorkingDays, food.StatutoryLimit, food.StatutoryInWorkingDays);
        foreach (var handler in acceptedHandlers)
        {
            await handler.OnAcceptedAsync(accepted, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Case Create(CitizenInfo citizen, PublishedItem item, string number, string code, DateTimeOffset acceptedAt, CaseState finalState, WorkingCalendar calendar)
    {
        var accepted = DateOnly.FromDateTime(acceptedAt.DateTime);
        acceptedAt = acceptedAt.ToUniversalTime();
        var due = item.PromisedInWorkingDays ? calendar.AddWorkingDays(accepted, item.PromisedLimit) : null;
        var demo = new Case(item)
        {
            Number = number,
            QueryCode = code,
            ApplicantName = citizen.RealName,
            ApplicantIdNumber = citizen.IdNumber,
            ApplicantUserId = citizen.UserId,
            ContactName = citizen.RealName,
            ContactMobile = citizen.Mobile ?? "",
            Channel = 1,
            CreatedAt = acceptedAt,
            Visits = 1,
            PromisedDueDate = due?.End ?? accepted.AddDays(item.PromisedLimit),
            DueDateProvisional = due?.IsProvisional ?? false,
        };
        demo.MoveTo(CaseState.Accepted, acceptedAt);
        if (item.CaseKind == 1)
        {
            demo.MoveTo(CaseState.Approved, acceptedAt.AddMinutes(20));
        }
        else
        {
            if (finalState != CaseState.InReview)
            {
                demo.MoveTo(CaseState.InReview, acceptedAt.AddHours(1));
                demo.MoveTo(CaseState.Approved, acceptedAt.AddDays(2));
            }
        }

        if (finalState == CaseState.Completed)
        {
            demo.MoveTo(CaseState.Completed, acceptedAt.AddDays(3));
        }

        return demo;
    }
}
