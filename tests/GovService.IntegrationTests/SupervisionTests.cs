using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>效能监察: the deadline sweep's cards, supervision orders with answers and escalation, the dashboard and its scope.</summary>
[Collection(PortalTests.Name)]
public sealed class SupervisionTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Case> AcceptFoodLicenceAsync()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept"),
        };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form)).StatusCode);
        return await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == FoodLicence));
    }

    /// <summary>Runs the sweep as of a day, three times at once (three scopes, three connections).</summary>
    private async Task SweepThreeTimesAtOnceAsync(DateOnly asOf)
    {
        portal.Clock.Set(new DateTimeOffset(asOf.ToDateTime(new TimeOnly(9, 5)), China));
        async Task Run()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(asOf, CancellationToken.None);
        }

        await Task.WhenAll(Run(), Run(), Run());
    }

    private Task<List<Card>> CardsAsync(Guid caseId) => portal.WithDbAsync(db => db.Set<Card>().Where(c => c.CaseId == caseId).ToListAsync());

    private static DateOnly NextWorkingDayAfter(DateOnly day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    [Fact]
    public async Task A_case_gets_one_yellow_then_one_red_card_the_head_answers_the_order_and_the_supervisor_sees_the_story()
    {
        var accepted = await AcceptFoodLicenceAsync();
        var due = accepted.PromisedDueDate!.Value;
        Assert.True(due > new DateOnly(2026, 11, 24));

        // Accepted on 11-23: nothing is due yet.
        await SweepThreeTimesAtOnceAsync(new DateOnly(2026, 11, 23));
        Assert.DoesNotContain(await CardsAsync(accepted.Id), c => c.Deadline == DeadlineKind.Promised);

        // On the promised day itself no working day is left: yellow, not red; three parallel runs, one card.
        await SweepThreeTimesAtOnceAsync(due);
        var cards = await CardsAsync(accepted.Id);
        Assert.Single(cards, c => c.Deadline == DeadlineKind.Promised && c.Colour == CardColour.Yellow);
        Assert.DoesNotContain(cards, c => c.Deadline == DeadlineKind.Promised && c.Colour == CardColour.Red);

        // The next working day it is overdue: one red card (and still one yellow), and one supervision order per red card.
        var late = NextWorkingDayAfter(due);
        await SweepThreeTimesAtOnceAsync(late);
        await SweepThreeTimesAtOnceAsync(late);
        cards = await CardsAsync(accepted.Id);
        Assert.Single(cards, c => c.Deadline == DeadlineKind.Promised && c.Colour == CardColour.Yellow);
        var red = Assert.Single(cards, c => c.Deadline == DeadlineKind.Promised && c.Colour == CardColour.Red);
        Assert.All(cards.GroupBy(c => (c.TaskId, c.Deadline, c.Colour)), g => Assert.Single(g));
        var orders = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.CaseId == accepted.Id).ToListAsync());
        Assert.Equal(cards.Count(c => c.Colour == CardColour.Red), orders.Count);
        var order = Assert.Single(orders, o => o.CardId == red.Id);
        Assert.Equal("PROMISED-OVERDUE", order.RuleCode);
        Assert.Equal("云溪县市场监督管理局", order.DepartmentName);
        Assert.Contains(accepted.Number!, order.Content, StringComparison.Ordinal);

        // The department head finds it in the inbox (once, however many runs) and answers it in the portal.
        using var head = portal.NewBrowser();
        await head.LoginAsync("head.scjg");
        var inbox = await head.GetPageAsync("/inbox");
        Assert.Contains(order.Number, inbox, StringComparison.Ordinal);
        var headUser = await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key == $"order:{order.Id}:0").CountAsync());
        Assert.Equal(1, headUser);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.SubmitAsync($"/supervision/orders/{order.Id}", $"/supervision/orders/{order.Id}/answer", new Dictionary<string, string> { ["result"] = " " })).StatusCode);
        var answered = await head.SubmitAsync($"/supervision/orders/{order.Id}", $"/supervision/orders/{order.Id}/answer",
            new Dictionary<string, string> { ["result"] = "现场核查排期冲突导致延误，已于当日完成审查并作出决定。" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(OrderState.Answered, await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == order.Id).Select(o => o.State).SingleAsync()));

        // The county supervisor sees the whole story: cards on the dashboard, the case's record with the answer; closes the order.
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Contains("order:" + order.Id + ":answered", string.Join(' ', await portal.WithDbAsync(db => db.Set<InboxMessage>().Select(m => m.Key).ToListAsync())), StringComparison.Ordinal);
        var dashboard = await supervisor.GetPageAsync("/supervision");
        Assert.Contains("云溪县市场监督管理局", dashboard, StringComparison.Ordinal);
        var redBefore = RedOnDashboard(dashboard);
        Assert.Equal(await OpenRedCasesAsync(), redBefore);
        Assert.Contains(accepted.Number!, await supervisor.GetPageAsync("/supervision/cards?colour=Red"), StringComparison.Ordinal);
        var story = await supervisor.GetPageAsync($"/supervision/cases/{accepted.Number}");
        Assert.Contains("现场核查排期冲突导致延误", story, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync($"/supervision/orders/{order.Id}", $"/supervision/orders/{order.Id}/close", new Dictionary<string, string> { ["note"] = "同意办结" })).StatusCode);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // What the recurring figures refresh does every few minutes.
            await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Supervision.Dashboard.CaseFactsRefresh>().RunAsync(false, CancellationToken.None);
        }

        var csv = await supervisor.GetAsync("/supervision/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("云溪县政务服务中心", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // When the case is decided (the reviewer passes and approves it; it waits for delivery), the sweep closes its cards and keeps them.
        await ReviewJourney.ApproveAsync(portal, accepted.Id);
        Assert.Equal(CaseState.AwaitingDelivery, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));
        await SweepThreeTimesAtOnceAsync(NextWorkingDayAfter(late));
        Assert.All(await CardsAsync(accepted.Id), c => Assert.NotNull(c.ClosedAt));

        // The dashboard keeps its card figures until the next sweep: the one that closed these cards shows at once.
        var redAfter = await OpenRedCasesAsync();
        Assert.NotEqual(redBefore, redAfter);
        using var later = portal.NewBrowser();
        await later.LoginAsync("supervisor");
        Assert.Equal(redAfter, RedOnDashboard(await later.GetPageAsync("/supervision")));
    }

    private static int RedOnDashboard(string page) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"kpi-red\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Cases and steps with an open red card in the county (the county supervisor's scope).</summary>
    private Task<int> OpenRedCasesAsync() =>
        portal.WithDbAsync(db => db.Set<Card>().Where(c => c.ClosedAt == null && c.Colour == CardColour.Red).Select(c => new { c.CaseId, c.TaskId }).Distinct().CountAsync());

    [Fact]
    public async Task Order_numbers_past_999999_grow_a_digit_and_are_never_cut_short()
    {
        var accepted = await AcceptFoodLicenceAsync();
        var late = NextWorkingDayAfter(accepted.PromisedDueDate!.Value);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("SELECT setval('gov.sup_order_numbers', 999999)"));
        try
        {
            await SweepThreeTimesAtOnceAsync(late);
            var numbers = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.CaseId == accepted.Id).Select(o => o.Number).ToListAsync());
            Assert.NotEmpty(numbers);
            Assert.All(numbers, n => Assert.Matches($"^DB{late:yyyyMMdd}1[0-9]{{6}}$", n));
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
        }
        finally
        {
            await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("SELECT setval('gov.sup_order_numbers', 1, false)"));
        }
    }

    [Fact]
    public async Task An_unanswered_order_escalates_once_to_the_supervisors_and_a_yellow_rule_per_item_applies()
    {
        var accepted = await AcceptFoodLicenceAsync();
        var due = accepted.PromisedDueDate!.Value;
        var late = NextWorkingDayAfter(due);
        await SweepThreeTimesAtOnceAsync(late);
        var order = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().FirstAsync(o => o.CaseId == accepted.Id && o.RuleCode == "PROMISED-OVERDUE"));
        Assert.Equal(0, order.Level);

        // Nobody answers: after the response date the order goes up one level, once, to the county's supervisors.
        var afterResponse = NextWorkingDayAfter(order.ResponseDue);
        await SweepThreeTimesAtOnceAsync(afterResponse);
        var escalated = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(1, escalated.Level);
        Assert.NotNull(escalated.EscalatedAt);
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Contains(order.Number, await supervisor.GetPageAsync("/inbox"), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Key == $"order:{order.Id}:1")));

        // A rule per item: yellow at 10 % of the time used, set by an administrator with a clear error for bad input.
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var bad = await admin.SubmitAsync("/admin/supervision", "/admin/supervision/rules", new Dictionary<string, string> { ["basicCode"] = "12345", ["yellowPercent"] = "10" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("12 位数字", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/supervision", "/admin/supervision/rules", new Dictionary<string, string> { ["basicCode"] = FoodLicence, ["yellowPercent"] = "10" })).StatusCode);
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 9, 0, 0, China));
        var second = await AcceptFoodLicenceAsync();
        await SweepThreeTimesAtOnceAsync(NextWorkingDayAfter(new DateOnly(2026, 11, 24)));
        Assert.Contains(await CardsAsync(second.Id), c => c.Deadline == DeadlineKind.Promised && c.Colour == CardColour.Yellow);
    }

    [Fact]
    public async Task Supervisors_reviewers_and_citizens_see_only_their_own_scope()
    {
        var accepted = await AcceptFoodLicenceAsync();
        await SweepThreeTimesAtOnceAsync(NextWorkingDayAfter(accepted.PromisedDueDate!.Value));
        var order = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().FirstAsync(o => o.CaseId == accepted.Id));
        var card = await portal.WithDbAsync(db => db.Set<Card>().FirstAsync(c => c.CaseId == accepted.Id));

        // The 桃源 township supervisor: a county-hall case is out of scope everywhere.
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync("/supervision")).StatusCode);
        Assert.DoesNotContain(accepted.Number!, await township.GetPageAsync("/supervision/cards"), StringComparison.Ordinal);
        Assert.DoesNotContain(order.Number, await township.GetPageAsync("/supervision/orders"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/supervision/cases/{accepted.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/supervision/orders/{order.Id}")).StatusCode);
        Assert.DoesNotContain("云溪县政务服务中心", await (await township.GetAsync("/supervision/export.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A reviewer of another department neither sees nor answers; the order's own reviewer cannot close it.
        using var other = portal.NewBrowser();
        await other.LoginAsync("reviewer.mz");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/supervision/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/supervision")).StatusCode);
        using var own = portal.NewBrowser();
        await own.LoginAsync("reviewer");
        Assert.Equal(HttpStatusCode.NotFound, (await own.SubmitAsync($"/supervision/orders/{order.Id}", $"/supervision/orders/{order.Id}/close", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.SubmitAsync("/supervision/orders", $"/supervision/orders/from-card/{card.Id}", new Dictionary<string, string> { ["content"] = "x" })).StatusCode);

        // Citizens and anonymous visitors: no way in; the township supervisor cannot open an order on the county's card.
        using var citizen = portal.NewBrowser();
        await citizen.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/supervision")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/supervision/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/supervision")).StatusCode);
        using var anonymous = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/supervision")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.SubmitAsync("/supervision", $"/supervision/orders/from-card/{card.Id}", new Dictionary<string, string> { ["content"] = "请说明" })).StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Set<SupervisionOrder>().AnyAsync(o => o.RuleCode == "MANUAL")));
    }

    [Fact]
    public async Task Text_messages_wait_in_the_outbox_and_are_sent_once_outside_the_transaction()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var notifications = scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Notifications.Contracts.INotifications>();
            var notice = new GovService.Web.Modules.Notifications.Contracts.Notice("test:1", null, "13907931234", "办件提醒", "请补齐材料");
            Assert.Equal(1, await notifications.PostAsync([notice]));
            Assert.Equal(0, await notifications.PostAsync([notice]));
        }

        async Task<int> Dispatch()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Notifications.Sending.OutboxDispatchJob>().RunAsync(CancellationToken.None);
        }

        var sent = await Task.WhenAll(Dispatch(), Dispatch());
        Assert.Equal(1, sent.Sum());
        var message = await portal.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Key == "test:1"));
        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(0, await Dispatch());
    }

    [Fact]
    public async Task Each_supervisor_gets_one_digest_at_half_past_eight_on_working_days_only()
    {
        using (var scope = portal.Services.CreateScope())
        {
            using var connection = scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>().GetConnection();
            var job = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(j => j.Id == DailyDigestJob.RecurringId);
            Assert.Equal("30 8 * * *", job.Cron);
            Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        }

        var accepted = await AcceptFoodLicenceAsync();
        await SweepThreeTimesAtOnceAsync(NextWorkingDayAfter(accepted.PromisedDueDate!.Value));
        var day = NextWorkingDayAfter(NextWorkingDayAfter(accepted.PromisedDueDate!.Value));
        portal.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), China));
        async Task<int> Run()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(2, await Run()); // the county and the 桃源 supervisor
        Assert.Equal(0, await Run());
        var digests = await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key == $"digest:{day:yyyy-MM-dd}").ToListAsync());
        Assert.Equal(2, digests.Count);
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        var inbox = await supervisor.GetPageAsync("/inbox");
        Assert.Contains("效能监察简报", inbox, StringComparison.Ordinal);
        Assert.Matches("在办红牌 [1-9]", inbox);
        Assert.Contains(digests, d => d.Body.Contains("在办红牌 0 张", StringComparison.Ordinal)); // 桃源 has none of the county's cards

        // Sunday 2026-12-06 is no working day: no digest.
        portal.Clock.Set(new DateTimeOffset(2026, 12, 6, 8, 30, 0, China));
        Assert.Equal(0, await Run());
    }
}
