using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Hall.Calling;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Identity;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>The hall's queue: tickets, priority, calling under a crowd, the display, the ticket kept with its case, the rating device.</summary>
[Collection(PortalTests.Name)]
public sealed partial class HallTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A valid ID number of someone born on <paramref name="birth"/> (yyyyMMdd), county code 361131.</summary>
    private static string IdBornOn(string birth, string serial = "001")
    {
        var first17 = $"361131{birth}{serial}";
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }

    private Task<Guid> CountyHallAsync() =>
        portal.WithDbAsync(db => db.Set<ServiceHall>().Where(h => h.Kind == HallKind.CountyCentre).Select(h => h.Id).SingleAsync());

    private async Task<WindowInfo> WindowAsync(int number)
    {
        var hall = await CountyHallAsync();
        return await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == hall && w.Number == number)
            .Select(w => new WindowInfo(w.Id, w.HallId, w.Number, w.Name, w.Category)).SingleAsync());
    }

    private async Task<StaffPlacement> ClerkAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovService.Web.Infrastructure.Data.GovDbContext>();
        var id = await db.Set<StaffMember>().Where(s => s.Name == "李娜").Select(s => s.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().FindStaffByIdAsync(id))!;
    }

    private async Task<IssuedTicket> IssueAsync(string name, WindowCategory category = WindowCategory.Comprehensive, string? id = null, string? mobile = null, string? item = null, PriorityReason priority = PriorityReason.None, TicketSource source = TicketSource.Kiosk)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var issue = await scope.ServiceProvider.GetRequiredService<IQueueTickets>().IssueAsync(new TicketRequest(await CountyHallAsync(), category, name, id, mobile, item, priority, null, source));
        Assert.Empty(issue.Errors);
        return issue.Ticket!;
    }

    private async Task<DeskResult> CallAsync(WindowInfo window)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CallNext>().RunAsync(window, await ClerkAsync(), CancellationToken.None);
    }

    private async Task<DeskResult> ActAsync(WindowInfo window, Guid ticket, DeskAction action, WindowCategory? to = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketActions>().RunAsync(window, ticket, action, to, [WindowCategory.Comprehensive, WindowCategory.Business], CancellationToken.None);
    }

    private Task<Ticket> TicketAsync(Guid id) => portal.WithDbAsync(db => db.Set<Ticket>().SingleAsync(t => t.Id == id));

    [Fact]
    public async Task Thirty_kiosks_pressing_at_once_get_thirty_different_numbers_in_a_row_and_each_category_counts_on_its_own()
    {
        var issued = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => IssueAsync($"取号人{i}")));
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"A{n:000}"), issued.Select(t => t.Code).Order(StringComparer.Ordinal));
        Assert.Equal("B001", (await IssueAsync("企业", WindowCategory.Business)).Code);

        // The next day starts again at 001.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("A001", (await IssueAsync("次日")).Code);
    }

    [Fact]
    public async Task Priority_tickets_are_called_first_green_channel_then_elderly_and_disabled_then_appointments_then_by_time()
    {
        var first = await IssueAsync("普通甲", id: Demo.CitizenId);
        var second = await IssueAsync("普通乙");
        var appointment = await IssueAsync("预约", priority: PriorityReason.Appointment, source: TicketSource.Appointment);
        var elderly = await IssueAsync("老人", id: IdBornOn("19500101"));
        var disabled = await IssueAsync("残疾", priority: PriorityReason.Disabled);
        var green = await IssueAsync("绿色", priority: PriorityReason.GreenChannel, source: TicketSource.Clerk);

        // A kiosk cannot give 绿色通道, and 老年人 is the ID number's to say: declared without one, it is dropped.
        var kioskGreen = await IssueAsync("自称绿色", priority: PriorityReason.GreenChannel | PriorityReason.Elderly);
        Assert.Equal(PriorityReason.None, (await TicketAsync(kioskGreen.Id)).Priority);
        Assert.Equal(PriorityReason.Elderly, (await TicketAsync(elderly.Id)).Priority);
        Assert.Equal(PriorityReason.None, (await TicketAsync(first.Id)).Priority);

        var window = await WindowAsync(1);
        var order = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var called = (await CallAsync(window)).Ticket!;
            order.Add(called.Id);
            Assert.Null((await ActAsync(window, called.Id, DeskAction.Absent)).Error);
        }

        Assert.Equal([green.Id, elderly.Id, disabled.Id, appointment.Id, first.Id, second.Id, kioskGreen.Id], order);
    }

    [Fact]
    public async Task Twenty_clerks_pressing_call_next_at_once_each_call_a_different_ticket_and_no_ticket_is_called_twice()
    {
        var hall = await CountyHallAsync();
        await portal.WithDbAsync(async db =>
        {
            db.AddRange(Enumerable.Range(21, 16).Select(n => new ServiceWindow { HallId = hall, Number = n, Name = $"{n}号综合受理窗口", Category = WindowCategory.Comprehensive }));
            return await db.SaveChangesAsync();
        });
        var windows = await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == hall && w.Category == WindowCategory.Comprehensive).Select(w => w.Id).ToListAsync());
        Assert.Equal(20, windows.Count);
        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => IssueAsync($"排队{i}")));
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var posts = await Task.WhenAll(windows.Select(w => clerk.SubmitAsync($"/hall/desk/windows/{w}", $"/hall/desk/windows/{w}/call", [])));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        var tickets = await portal.WithDbAsync(db => db.Set<Ticket>().ToListAsync());
        var called = tickets.Where(t => t.State == TicketState.Called).ToList();
        Assert.Equal(20, called.Count);
        Assert.All(called, t => Assert.Equal(1, t.Calls));
        Assert.Equal(20, called.Select(t => t.WindowId).Distinct().Count());
        Assert.Equal(5, tickets.Count(t => t.State == TicketState.Waiting));

        // The twenty called are the first twenty issued: the calling order held under the crowd.
        Assert.Equal(tickets.OrderBy(t => t.Sequence).Take(20).Select(t => t.Id).Order(), called.Select(t => t.Id).Order());

        // Pressing again while calling: refused, nothing changes.
        var again = await Task.WhenAll(windows.Take(5).Select(w => clerk.SubmitAsync($"/hall/desk/windows/{w}", $"/hall/desk/windows/{w}/call", [])));
        Assert.Equal(20, await portal.WithDbAsync(db => db.Set<Ticket>().CountAsync(t => t.State == TicketState.Called)));
        Assert.Contains("正在叫号或办理", await clerk.GetPageAsync(again[0].Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recall_absent_requeue_once_and_transfer_to_another_category()
    {
        var window = await WindowAsync(1);
        var ticket = await IssueAsync("王五");
        Assert.Equal(ticket.Id, (await CallAsync(window)).Ticket!.Id);
        Assert.Null((await ActAsync(window, ticket.Id, DeskAction.Recall)).Error);
        Assert.Equal(2, (await TicketAsync(ticket.Id)).Calls);

        // 过号, back once, absent again: no third time.
        Assert.Null((await ActAsync(window, ticket.Id, DeskAction.Absent)).Error);
        Assert.Equal(TicketState.NoShow, (await TicketAsync(ticket.Id)).State);
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Contains(ticket.Code, await clerk.GetPageAsync("/hall/desk"), StringComparison.Ordinal);
        await clerk.SubmitAsync("/hall/desk", $"/hall/desk/tickets/{ticket.Id}/requeue", []);
        Assert.Equal(TicketState.Waiting, (await TicketAsync(ticket.Id)).State);
        Assert.Equal(ticket.Id, (await CallAsync(window)).Ticket!.Id);
        Assert.Null((await ActAsync(window, ticket.Id, DeskAction.Absent)).Error);
        var twice = await clerk.SubmitAsync("/hall/desk", $"/hall/desk/tickets/{ticket.Id}/requeue", []);
        Assert.Contains("过号只能重排一次", await clerk.GetPageAsync(twice.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(TicketState.NoShow, (await TicketAsync(ticket.Id)).State);

        // 转移: the ticket keeps its number and queues for 企业开办, where window 5 calls it; window 1 is free again.
        var moved = await IssueAsync("赵六");
        Assert.Equal(moved.Id, (await CallAsync(window)).Ticket!.Id);
        Assert.NotNull((await ActAsync(window, moved.Id, DeskAction.Transfer, WindowCategory.Comprehensive)).Error);
        Assert.Null((await ActAsync(window, moved.Id, DeskAction.Transfer, WindowCategory.Business)).Error);
        var transferred = await TicketAsync(moved.Id);
        Assert.Equal((WindowCategory.Business, TicketState.Waiting, moved.Code, (Guid?)null), (transferred.Category, transferred.State, transferred.Code, transferred.WindowId));
        Assert.Contains("没有排队", (await CallAsync(window)).Error, StringComparison.Ordinal);
        Assert.Equal(moved.Id, (await CallAsync(await WindowAsync(5))).Ticket!.Id);

        // Another window cannot act on a ticket it did not call.
        Assert.NotNull((await ActAsync(window, moved.Id, DeskAction.Start)).Error);
    }

    [Fact]
    public async Task Starting_service_opens_the_intake_prefilled_and_the_case_keeps_the_ticket_with_its_wait_and_service_times()
    {
        var elderly = IdBornOn("19520315", "024");
        using var kiosk = portal.NewBrowser();
        var hall = await CountyHallAsync();
        var taken = await kiosk.SubmitAsync($"/hall/{hall}/kiosk/ticket", $"/hall/{hall}/kiosk/ticket", new Dictionary<string, string>
        {
            ["Category"] = "Comprehensive", ["PersonName"] = "刘秀英", ["IdNumber"] = elderly, ["ItemCode"] = FoodLicence, ["Mobile"] = "13900139024",
        });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var slip = await kiosk.GetPageAsync(taken.Headers.Location!.OriginalString);
        Assert.Contains("A001", slip, StringComparison.Ordinal);
        Assert.Contains("刘*英", slip, StringComparison.Ordinal);
        Assert.DoesNotContain("刘秀英", slip, StringComparison.Ordinal);
        Assert.Contains("老年人优先", slip, StringComparison.Ordinal);
        Assert.Contains("云溪县政务服务中心", slip, StringComparison.Ordinal);
        Assert.True((await kiosk.GetAsync(taken.Headers.Location!.OriginalString)).Headers.CacheControl?.NoStore);
        var ticketId = await portal.WithDbAsync(db => db.Set<Ticket>().Select(t => t.Id).SingleAsync());

        portal.Clock.Advance(TimeSpan.FromMinutes(12));
        var window = await WindowAsync(1);
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var panel = $"/hall/desk/windows/{window.Id}";
        await clerk.SubmitAsync(panel, $"{panel}/call", []);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var started = await clerk.SubmitAsync(panel, $"{panel}/tickets/{ticketId}/start", []);
        var intake = started.Headers.Location!.OriginalString;
        Assert.StartsWith($"/window/intake/{FoodLicence}?", intake, StringComparison.Ordinal);
        var form = await clerk.GetPageAsync(intake);
        Assert.Contains($"name=\"TicketId\" value=\"{ticketId}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"刘秀英\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{elderly}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"13900139024\"", form, StringComparison.Ordinal);

        var post = IntakeHttp.WindowForm("刘秀英", elderly, "13900139024", 6, 1, 2, 3, 4, 5, 6);
        post.Add(new("outcome", "accept"));
        post.Add(new("RegisterApplicant", "true"));
        post.Add(new("TicketId", ticketId.ToString()));
        post.Add(new("IntakeKey", Guid.CreateVersion7().ToString()));
        var made = await IntakeHttp.WindowIntakeAsync(portal, clerk, FoodLicence, post);
        portal.Clock.Advance(TimeSpan.FromMinutes(17));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync(panel, $"{panel}/tickets/{ticketId}/finish", [])).StatusCode);

        var ticket = await TicketAsync(ticketId);
        Assert.Equal(made.Id, ticket.CaseId);
        await using var scope = portal.Services.CreateAsyncScope();
        var times = await scope.ServiceProvider.GetRequiredService<QueueQueries>().ServiceTimesOfCaseAsync(made.Id, CancellationToken.None);
        Assert.Equal((TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(17), "李娜", FoodLicence), (times!.Wait, times.Service, times.StaffName, times.ItemCode));

        // A second case naming the same ticket (a forged form) does not take it over.
        var forged = IntakeHttp.WindowForm("张伟", Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6);
        forged.Add(new("outcome", "accept"));
        forged.Add(new("TicketId", ticketId.ToString()));
        var other = await IntakeHttp.WindowIntakeAsync(portal, clerk, FoodLicence, forged);
        Assert.NotEqual(other.Id, (await TicketAsync(ticketId)).CaseId);
    }

    [Fact]
    public async Task The_rating_device_asks_when_service_ends_and_a_bad_rating_lands_on_the_case_step_with_the_same_work_order()
    {
        var window = await WindowAsync(2);
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var paired = await chief.SubmitAsync($"/hall/desk/windows/{window.Id}", $"/hall/desk/windows/{window.Id}/device", []);
        var device = DeviceUrl().Match(await paired.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith($"/hall/device/{window.Id}?key=", device, StringComparison.Ordinal);
        using var tablet = portal.NewBrowser();
        Assert.Contains("欢迎办事", await tablet.GetPageAsync(device), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.GetAsync($"/hall/device/{window.Id}?key=0123456789abcdef0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.GetAsync($"/hall/device/{window.Id}")).StatusCode);

        var issued = await IssueAsync("张伟", id: Demo.CitizenId, item: FoodLicence);
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var panel = $"/hall/desk/windows/{window.Id}";
        await clerk.SubmitAsync(panel, $"{panel}/call", []);
        Assert.Contains("李娜 为您服务", await tablet.GetPageAsync(device), StringComparison.Ordinal);
        await clerk.SubmitAsync(panel, $"{panel}/tickets/{issued.Id}/start", []);
        var post = IntakeHttp.WindowForm("张伟", Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6);
        post.Add(new("outcome", "accept"));
        post.Add(new("TicketId", issued.Id.ToString()));
        var made = await IntakeHttp.WindowIntakeAsync(portal, clerk, FoodLicence, post);
        await clerk.SubmitAsync(panel, $"{panel}/tickets/{issued.Id}/finish", []);

        var prompt = await tablet.GetPageAsync(device);
        Assert.Contains("请对 李娜 的本次服务作出评价", prompt, StringComparison.Ordinal);
        var key = device[(device.IndexOf("key=", StringComparison.Ordinal) + 4)..];
        var rate = $"/hall/device/{window.Id}/rate";

        // 非常不满意 needs a reason, as online.
        var bare = await tablet.SubmitAsync(device, rate, new Dictionary<string, string> { ["key"] = key, ["ticketId"] = issued.Id.ToString(), ["level"] = "5" });
        Assert.Contains("请写明不满意的原因", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rated = await tablet.SubmitAsync(device, rate, new Dictionary<string, string> { ["key"] = key, ["ticketId"] = issued.Id.ToString(), ["level"] = "5", ["comment"] = "窗口态度冷淡" });
        Assert.Contains("感谢您的评价", await rated.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rating = await portal.WithDbAsync(db => db.Set<Rating>().SingleAsync(r => r.CaseId == made.Id));
        var step = await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == made.Id && s.Action == "Accepted").Select(s => s.Id).SingleAsync());
        Assert.Equal((step, RatingChannel.HallTablet, Satisfaction.VeryDissatisfied, "李娜"), (rating.StepId, rating.Channel, rating.Level, rating.StaffName));
        var order = await portal.WithDbAsync(db => db.Set<RectificationOrder>().SingleAsync(o => o.RatingId == rating.Id));
        Assert.StartsWith("ZG", order.Number, StringComparison.Ordinal);

        // One rating per service: the device asks no more, and a replayed post counts nothing.
        Assert.DoesNotContain("作出评价", await tablet.GetPageAsync(device), StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(Token().Match(prompt).Groups[1].Value);
        using var replay = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["ticketId"] = issued.Id.ToString(), ["level"] = "1", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, (await tablet.Client.PostAsync(new Uri(rate, UriKind.Relative), replay)).StatusCode);
        Assert.Single(await portal.WithDbAsync(db => db.Set<Rating>().Where(r => r.CaseId == made.Id).ToListAsync()));
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "0123456789abcdef0123456789abcdef", ["ticketId"] = issued.Id.ToString(), ["level"] = "1", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.Client.PostAsync(new Uri(rate, UriKind.Relative), forged)).StatusCode);
        Assert.Equal(TicketRating.Rated, (await TicketAsync(issued.Id)).Rating);
    }

    [Fact]
    public async Task A_ticket_with_a_mobile_number_is_texted_once_when_three_or_fewer_are_ahead()
    {
        var tickets = new List<IssuedTicket>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add(await IssueAsync($"候{i}", mobile: $"1390013900{i}"));
        }

        Task<List<OutboxMessage>> TextsAsync() => portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.StartsWith("hall:ticket:")).ToListAsync());
        Assert.Empty(await TextsAsync());
        await CallAsync(await WindowAsync(1));
        var first = await TextsAsync();
        Assert.Equal(tickets.Skip(1).Take(4).Select(t => $"hall:ticket:{t.Id}:near").Order(), first.Select(m => m.Key).Order());
        Assert.Contains(first, m => m.Recipient == "13900139001" && m.Body.Contains(tickets[1].Code, StringComparison.Ordinal) && m.Body.Contains("前面还有不超过3位", StringComparison.Ordinal));

        await CallAsync(await WindowAsync(2));
        var second = await TextsAsync();
        Assert.Equal(5, second.Count);
        Assert.Single(second, m => m.Key == $"hall:ticket:{tickets[5].Id}:near");
    }

    [Fact]
    public async Task The_calling_display_receives_the_call_over_signalr_with_the_masked_name()
    {
        var hall = await CountyHallAsync();
        using var page = portal.NewBrowser();
        Assert.Contains("叫号显示屏", await page.GetPageAsync($"/hall/{hall}/display"), StringComparison.Ordinal);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.Server.BaseAddress, "/hubs/hall"), o =>
            {
                o.HttpMessageHandlerFactory = _ => portal.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var received = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<System.Text.Json.JsonElement>("called", m => received.TrySetResult(m));
        await connection.StartAsync();
        await connection.InvokeAsync("WatchHall", hall);

        var ticket = await IssueAsync("欧阳小明");
        await CallAsync(await WindowAsync(3));

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var call = message.GetProperty("call");
        Assert.Equal((ticket.Code, 3, "欧**明"), (call.GetProperty("code").GetString(), call.GetProperty("window").GetInt32(), call.GetProperty("maskedName").GetString()));
        Assert.Equal(ticket.Code, message.GetProperty("state").GetProperty("current")[0].GetProperty("code").GetString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("(/hall/device/[0-9a-f-]{36}\\?key=[0-9a-f]{32})")]
    private static partial Regex DeviceUrl();
}
