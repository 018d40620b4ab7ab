using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.CodeLists;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Seed;

/// <summary>
/// Two cases of the demo citizen 张伟 with fixed numbers and query codes (README), so the public status
/// lookup can be tried at once: one in review, one completed.
/// </summary>
internal sealed class DemoCaseSeeder(GovDbContext db, CaseClosure closure, ICitizenDirectory citizens, ICatalogDirectory catalog, IWorkingCalendarProvider calendars, Organization.Contracts.IOrganizationDirectory organization, IEnumerable<Contracts.ICaseAcceptedHandler> acceptedHandlers, IStringLocalizer<SharedResource> l) : ISeeder
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
        var inReview = Create(citizen, food, "3611312026110300001", "YXK7Q2", new DateTimeOffset(2026, 11, 3, 9, 40, 0, china), decided: false, calendar);
        var completed = Create(citizen, residence, "3611312026102000002", "M4TR8C", new DateTimeOffset(2026, 10, 20, 10, 5, 0, china), decided: true, calendar);

        // Both were taken in at a window of the hall responsible for their department, as every real case is (the
        // supervisors' figures count cases by hall), with every required material handed in and the clerk's
        // acceptance on the timeline; the completed one was decided and collected at the window.
        foreach (var (c, item) in new[] { (inReview, food), (completed, residence) })
        {
            c.HallId = await organization.ResponsibleHallAsync(item.DepartmentId, cancellationToken);
            db.Add(c);
            db.AddRange((await catalog.MaterialsAsync(item.VersionId, cancellationToken)).Select(m => CaseMaterial.For(c, m, received: m.Required)));
            var clerk = c.HallId is { } hall ? await ClerkOfAsync(hall, cancellationToken) : null;
            if (clerk is null)
            {
                continue;
            }

            db.Add(CaseStep.By(c, StepActions.Accepted, clerk, c.AcceptedAt!.Value));
            if (c == completed)
            {
                var reviewers = await organization.StaffOfDepartmentAsync(item.DepartmentId, cancellationToken);
                var reviewer = reviewers.Count > 0 ? await organization.FindStaffAsync(reviewers[0].UserId, cancellationToken) : null;
                if (reviewer is not null)
                {
                    c.DecidedByStaffId = reviewer.StaffId;
                    db.Add(CaseStep.By(c, StepActions.ApprovedInReview, reviewer, c.DecidedAt!.Value));
                }

                // Collected at the window a day after the decision (seeders run in one transaction).
                var deliveredAt = c.DecidedAt!.Value.AddDays(1);
                c.DeliveryMethod = DeliveryMethod.Pickup;
                c.DeliveredAt = deliveredAt;
                c.DeliveredByStaffId = clerk.StaffId;
                c.DeliveryRecipient = c.ApplicantName;
                c.DeliveryRecipientId = c.ApplicantIdNumber;
                var note = l["Delivery.PickupNote", NameMask.Mask(c.ApplicantName, false)].Value;
                await closure.CloseAsync(c, CaseState.Completed, deliveredAt, note, ended => CaseStep.By(ended, StepActions.Delivered, clerk, deliveredAt, note), tellApplicant: false, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The case in review is routed like any accepted case: it waits in 市场监管局's queue.
        var accepted = new Contracts.CaseAccepted(inReview.Id, inReview.Number!, food.BasicCode, food.Name, food.CaseKind, inReview.HallId, new DateOnly(2026, 11, 3), food.PromisedLimit, food.PromisedInWorkingDays, food.StatutoryLimit, food.StatutoryInWorkingDays);
        foreach (var handler in acceptedHandlers)
        {
            await handler.OnAcceptedAsync(accepted, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A clerk of the hall (not its chief representative), as they work in the window.</summary>
    private async Task<Organization.Contracts.StaffPlacement?> ClerkOfAsync(Guid hallId, CancellationToken ct)
    {
        var staff = await organization.StaffOfHallAsync(hallId, ct);
        var clerk = staff.FirstOrDefault(s => !s.IsHead) ?? (staff.Count > 0 ? staff[0] : null);
        return clerk is null ? null : await organization.FindStaffAsync(clerk.UserId, ct);
    }

    /// <summary>A demo case accepted at <paramref name="acceptedAt"/>, in review or (<paramref name="decided"/>) approved two days later.</summary>
    private static Case Create(CitizenInfo citizen, PublishedItem item, string number, string code, DateTimeOffset acceptedAt, bool decided, WorkingCalendar calendar)
    {
        var accepted = DateOnly.FromDateTime(acceptedAt.DateTime);
        acceptedAt = acceptedAt.ToUniversalTime();
        var deadline = AcceptanceDeadline.On(calendar, accepted, item.PromisedLimit, item.PromisedInWorkingDays, item.StatutoryLimit, item.StatutoryInWorkingDays);
        var promised = deadline.Promised;
        var demo = new Case(item)
        {
            Number = number,
            QueryCode = code,
            ApplicantName = citizen.RealName,
            ApplicantIdNumber = citizen.IdNumber,
            ApplicantUserId = citizen.UserId,
            ContactName = citizen.RealName,
            ContactMobile = citizen.Mobile ?? "",
            Channel = (int)ServiceChannel.Window,
            CreatedAt = acceptedAt,
            Visits = 1,
            PromisedDueDate = promised.Due,
            PromisedDueProvisional = promised.IsProvisional,
        };
        demo.MoveTo(CaseState.Accepted, acceptedAt);
        if (item.CaseKind == (int)CaseKind.Immediate)
        {
            demo.MoveTo(CaseState.Approved, acceptedAt.AddMinutes(20));
            demo.DecidedAt = acceptedAt.AddMinutes(20);
        }
        else
        {
            if (decided)
            {
                demo.MoveTo(CaseState.InReview, acceptedAt.AddHours(1));
                demo.MoveTo(CaseState.Approved, acceptedAt.AddDays(2));
                demo.DecidedAt = acceptedAt.AddDays(2);
            }
        }

        return demo;
    }
}
