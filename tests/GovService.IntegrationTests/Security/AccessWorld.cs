using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// Every kind of object the portal keeps, made the way users make them, for the access matrix. Citizen A (张伟) owns
/// the county objects: the intake world's cases, a food licence in 市场监管局's review queue, one waiting for the
/// chief representative's extension decision, one the chief may decide, and a finished one with its licence, a bad
/// rating and its rectification work order; complaints about a case (to the department) and about the county hall
/// (to the hall); a supervision order and card from the deadline sweep; a message in A's inbox. Citizen B (李秀英)
/// owns the township objects: a 低保 application taken in at the 桃源 hall for 民政局 and complaints about it and the
/// hall. The administrator's objects: a draft catalog item with a material, a field and an uploaded form, a
/// yellow-card rule, a window, and a chief representative for the township hall.
/// </summary>
public sealed class AccessWorld
{
    public const string MinimumLivingAllowance = "000502001000";
    public const string CatalogCode = "000199970000";
    public const string CitizenBName = "李秀英";
    public const string OtherChiefAccount = "chief.taoyuan";
    public const string OtherChiefPassword = "Taoyuan2026chief";

    /// <summary>Texts typed only into A's and B's objects, so a page showing one shows their data.</summary>
    public const string RatingComment = "甲方差评：审批窗口私下收取加急费";
    public const string ComplaintTitle = "甲方投诉：审查进度无人答复";
    public const string HallComplaintTitle = "甲方投诉：县大厅叫号混乱";
    public const string MessageTitle = "甲方私信：您的食品经营许可待补充说明";
    public const string TownshipComplaintTitle = "乙方投诉：低保审核无人答复";
    public const string TownshipHallComplaintTitle = "乙方投诉：桃源大厅午间无人";

    public required IntakeWorld Intake { get; init; }

    // The intake world under the names its rules use.
    public CaseRef Submitted => Intake.Submitted;

    public Guid SubmittedFileId => Intake.SubmittedFileId;

    public CaseRef Supplement => Intake.Supplement;

    public Guid DraftKey => Intake.DraftKey;

    public CaseRef WindowAccepted => Intake.WindowAccepted;

    public CaseRef WindowRefused => Intake.WindowRefused;

    public CaseRef Deficient => Intake.Deficient;

    public CaseRef Immediate => Intake.Immediate;

    public Guid BundleKey => Intake.BundleKey;

    /// <summary>In 市场监管局's queue: its first step open and unclaimed.</summary>
    public required CaseRef Review { get; init; }

    public required Guid ReviewTaskId { get; init; }

    /// <summary>Its first step held by the reviewer, who asked the chief representative for five more days.</summary>
    public required CaseRef Extension { get; init; }

    public required Guid ExtensionRequestId { get; init; }

    /// <summary>A's case in review with a second 补正 waiting for a county supervisor.</summary>
    public required CaseRef SecondSupplement { get; init; }

    public required Guid SecondSupplementRequestId { get; init; }

    /// <summary>Its deciding step open, the template letting the chief representative decide it (授权审批).</summary>
    public required CaseRef ChiefDecision { get; init; }

    public required Guid ChiefTaskId { get; init; }

    /// <summary>Approved, its licence handed over at the county window, rated 非常不满意 by A.</summary>
    public required CaseRef Finished { get; init; }

    public required long FinishedWindowStepId { get; init; }

    public required Licence Licence { get; init; }

    public required RectificationOrder Rectification { get; init; }

    public required Complaint Complaint { get; init; }

    public required Complaint HallComplaint { get; init; }

    public required SupervisionOrder Order { get; init; }

    public required Guid CardId { get; init; }

    public required long MessageId { get; init; }

    public required Guid CitizenAUserId { get; init; }

    /// <summary>B's 低保 application, taken in at the 桃源 hall, in 民政局's queue.</summary>
    public required CaseRef Township { get; init; }

    public required Guid TownshipTaskId { get; init; }

    public required Complaint TownshipComplaint { get; init; }

    public required Complaint TownshipHallComplaint { get; init; }

    public required Guid MarketDepartmentId { get; init; }

    public required Guid CountyHallId { get; init; }

    public required Guid CountyRegionId { get; init; }

    public required StaffMember ReviewerStaff { get; init; }

    public required Guid WindowId { get; init; }

    /// <summary>预约: citizen A's two bookings at the county centre tomorrow (one to change, one to cancel), a period of the township's week and a blackout at the county centre.</summary>
    public required Guid AppointmentId { get; init; }

    public required Guid SecondAppointmentId { get; init; }

    public required Guid TownshipHallId { get; init; }

    public required Guid PeriodId { get; init; }

    public required Guid BlackoutId { get; init; }

    /// <summary>委托代办: A's mandate to the 桃源村 agent granted online (to see and extend), a second to revoke, and one signed at the station (with its scan).</summary>
    public required Guid MandateId { get; init; }

    public required Guid RevocableMandateId { get; init; }

    public required Guid SignedMandateId { get; init; }

    /// <summary>收受分离: the paper originals of a food licence the township window (hall Y) took in, waiting to go to 市场监管局 (department X).</summary>
    public required Guid ParcelId { get; init; }

    /// <summary>就近领取: the result of A's pension registration the 桃源村 agent filed, signed for at the village station and waiting for A.</summary>
    public required Guid ResultParcelId { get; init; }

    /// <summary>A's 代办 requests, waiting in 桃源村's pool: one for the agent to work on, one for A to withdraw.</summary>
    public required Guid RequestId { get; init; }

    public required string RequestNumber { get; init; }

    public required Guid SecondRequestId { get; init; }

    /// <summary>The 桃源村 agent (赵大伟), the village and today's date (yyyy-MM-dd, Asia/Shanghai) as forms write it.</summary>
    public required Guid AgentUserId { get; init; }

    public required Guid VillageId { get; init; }

    public required string Today { get; init; }

    /// <summary>The county hall's window 1, with its rating device paired (<see cref="DeviceKey"/>).</summary>
    public required Guid HallWindowId { get; init; }

    public required string DeviceKey { get; init; }

    /// <summary>The county hall's window 2: where the matrix pairs a device (pairing window 1 again would retire its key).</summary>
    public required Guid HallOtherWindowId { get; init; }

    /// <summary>A's queue ticket at the county hall, taken at the kiosk.</summary>
    public required Guid HallTicketId { get; init; }

    public required Guid CardRuleId { get; init; }

    public required Guid DraftMaterialId { get; init; }

    public required Guid SpareMaterialId { get; init; }

    public required Guid DraftFieldId { get; init; }

    public required Guid DraftFileId { get; init; }

    /// <summary>Everything of the owner's that nobody else may be shown.</summary>
    public IReadOnlyList<string> SecretsOf(Who owner) => owner switch
    {
        Who.CitizenA =>
        [
            .. Intake.SecretsOfA, RatingComment, ComplaintTitle, HallComplaintTitle, MessageTitle,
            Review.Number, Review.Id.ToString(), Extension.Number, SecondSupplement.Number, ChiefDecision.Number, Finished.Number, Finished.Id.ToString(),
            Licence.Number, Licence.Id.ToString(), Rectification.Number, Complaint.Number, HallComplaint.Number, Order.Number,
        ],
        Who.CitizenB =>
        [
            IntakeHttp.CitizenB, IntakeHttp.CitizenBMobile, CitizenBName, TownshipComplaintTitle, TownshipHallComplaintTitle,
            Township.Number, Township.Id.ToString(), TownshipComplaint.Number, TownshipHallComplaint.Number,
        ],
        _ => [],
    };

    /// <summary>What identifies the owner as a person: a public answer may show it masked only.</summary>
    public static IReadOnlyList<string> PersonalDataOf(Who owner) => owner switch
    {
        Who.CitizenA => [Demo.CitizenId, Demo.CitizenMobile, IntakeHttp.CitizenAName, IntakeWorld.SecretAnswer],
        Who.CitizenB => [IntakeHttp.CitizenB, IntakeHttp.CitizenBMobile, CitizenBName],
        _ => [],
    };

    public static async Task<AccessWorld> BuildAsync(PortalFactory portal)
    {
        var intake = await IntakeWorld.BuildAsync(portal);
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        using var li = portal.NewBrowser();
        await li.LoginAsync(IntakeHttp.CitizenBMobile);
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");

        // 审批: one case waiting in the queue, one with an extension request, one for the chief, one finished.
        var review = await AcceptFoodLicenceAsync(portal, clerk);
        var reviewTask = await StepAsync(portal, review.Id, 1);
        var extension = await AcceptFoodLicenceAsync(portal, clerk);
        await ActAsync(reviewer, await StepAsync(portal, extension.Id, 1), "claim", []);
        await ActAsync(reviewer, await StepAsync(portal, extension.Id, 1), "extension", [("Days", "5"), ("Opinion", "需现场核查后厨布局")]);
        var extensionRequest = await portal.WithDbAsync(db => db.Set<ClockSegmentRecord>().Where(s => s.CaseId == extension.Id && s.State == SegmentState.Requested).Select(s => s.Id).SingleAsync());
        var secondSupplement = await AcceptFoodLicenceAsync(portal, clerk);
        var secondTask = await StepAsync(portal, secondSupplement.Id, 1);
        await ActAsync(reviewer, secondTask, "claim", []);
        await ActAsync(reviewer, secondTask, "supplement", [("Defects[2]", "营业执照复印件不清晰")]);
        Expect302(await zhang.PostMultipartAsync($"/my/cases/{secondSupplement.Number}", $"/my/cases/{secondSupplement.Number}/supplement", [], [TestFile.Pdf("material-2", "营业执照.pdf")]));
        await ActAsync(reviewer, secondTask, "supplement", [("Defects[6]", "健康证明已过有效期"), ("Opinion", "首次审查遗漏")]);
        var secondRequest = await portal.WithDbAsync(db => db.Set<SecondSupplementRequest>().Where(r => r.CaseId == secondSupplement.Id).Select(r => r.Id).SingleAsync());
        var chiefDecision = await AcceptFoodLicenceAsync(portal, clerk);
        await PassFirstStepAsync(portal, reviewer, chiefDecision.Id);
        var chiefTask = await StepAsync(portal, chiefDecision.Id, 2);
        await portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.Id == chiefTask).ExecuteUpdateAsync(set => set.SetProperty(t => t.ChiefMayDecide, true)));
        var finished = await AcceptFoodLicenceAsync(portal, clerk);
        await PassFirstStepAsync(portal, reviewer, finished.Id);
        var decideTask = await StepAsync(portal, finished.Id, 2);
        await ActAsync(reviewer, decideTask, "claim", []);
        await ActAsync(reviewer, decideTask, "decide", [("Decision", "approve"), ("Opinion", "符合条件，准予许可")]);
        Expect302(await clerk.SubmitAsync("/window/delivery", $"/window/delivery/{finished.Id}", Form(("method", "Pickup"), ("recipient", IntakeHttp.CitizenAName), ("recipientId", Demo.CitizenId))));
        var licence = await portal.WithDbAsync(db => db.Set<Licence>().AsNoTracking().SingleAsync(l => l.CaseId == finished.Id));

        // 好差评 and 投诉 by A.
        var rating = $"/my/cases/{finished.Number}/rating";
        Expect302(await zhang.SubmitAsync(rating, rating, Form(("step", "0"), ("level", "5"), ("comment", RatingComment))));
        var rectification = await portal.WithDbAsync(db => db.Set<RectificationOrder>().AsNoTracking().SingleAsync(o => o.CaseId == finished.Id));
        var windowStep = await portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == finished.Id && s.Action == "Accepted").Select(s => s.Id).SingleAsync());
        var complaint = await ComplainAsync(portal, zhang, $"case:{review.Number}", ComplaintTitle);
        var hallComplaint = await ComplainAsync(portal, zhang, $"hall:{await HallIdAsync(portal, "云溪县政务服务中心")}", HallComplaintTitle);

        // B's 低保 application at the township hall, routed to 民政局, and B's complaints about it and the hall.
        var townshipCase = await IntakeHttp.WindowIntakeAsync(portal, township, MinimumLivingAllowance,
            IntakeHttp.WindowForm(CitizenBName, IntakeHttp.CitizenB, IntakeHttp.CitizenBMobile, 6, 1, 2, 3, 4, 5, 6));
        var townshipTask = await StepAsync(portal, townshipCase.Id, 1);
        var received = await AcceptFoodLicenceAsync(portal, township);
        var parcel = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Intake.Custody.CustodyParcel>()
            .Where(p => p.CaseId == received.Id && p.Kind == GovService.Web.Modules.Intake.Custody.ParcelKind.Originals).Select(p => p.Id).SingleAsync());
        var townshipComplaint = await ComplainAsync(portal, li, $"case:{townshipCase.Number}", TownshipComplaintTitle);
        var townshipHallComplaint = await ComplainAsync(portal, li, $"hall:{await HallIdAsync(portal, "桃源")}", TownshipHallComplaintTitle);

        // 督办: the deadline sweep, a week on, cards the overdue food licences and orders 市场监管局 to explain.
        var now = portal.Clock.GetUtcNow();
        var late = new DateOnly(2026, 12, 2);
        portal.Clock.Set(new DateTimeOffset(late.ToDateTime(new TimeOnly(9, 5)), TimeSpan.FromHours(8)));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(late, CancellationToken.None);
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // What the recurring figures refresh does every few minutes: the dashboard's figures now include the world's cases.
            await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Supervision.Dashboard.CaseFactsRefresh>().RunAsync(false, CancellationToken.None);
        }

        portal.Clock.Set(now);
        var order = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().AsNoTracking().OrderBy(o => o.IssuedAt).FirstAsync(o => o.CaseId == review.Id && o.DepartmentId != null));
        var card = await portal.WithDbAsync(db => db.Set<Card>().Where(c => c.CaseId == review.Id).Select(c => c.Id).FirstAsync());

        // A message in A's inbox.
        var citizenA = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == review.Id).Select(c => c.ApplicantUserId!.Value).SingleAsync());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotifications>().PostAsync([new Notice("matrix:a", citizenA, null, MessageTitle, "请于三个工作日内说明。", $"/my/cases/{review.Number}")]);
        }

        var message = await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key == "matrix:a").Select(m => m.Id).SingleAsync());

        // The administrator's draft item with a material, a spare material, a field and an uploaded blank form; a card rule; a window.
        var market = await portal.WithDbAsync(db => db.Set<Department>().Where(d => d.ShortName == "市场监管局").Select(d => d.Id).SingleAsync());
        Expect302(await admin.SubmitAsync("/admin/catalog/new", "/admin/catalog/new", Form(("BasicCode", CatalogCode), ("Name", "矩阵测试事项"), ("DepartmentId", market.ToString()), ("Level", "4"))));
        var edit = $"/admin/catalog/{CatalogCode}/edit";
        Expect302(await admin.SubmitAsync(edit, $"/admin/catalog/{CatalogCode}/materials", Form(("NewMaterial.Name", "申请表"), ("NewMaterial.Source", "Applicant"), ("NewMaterial.Originals", "1"))));
        Expect302(await admin.SubmitAsync(edit, $"/admin/catalog/{CatalogCode}/materials", Form(("NewMaterial.Name", "备用材料"), ("NewMaterial.Source", "Applicant"), ("NewMaterial.Originals", "1"))));
        Expect302(await admin.SubmitAsync(edit, $"/admin/catalog/{CatalogCode}/fields", Form(("NewField.Key", "shop_name"), ("NewField.Label", "店名"), ("NewField.Kind", "Text"))));
        var draft = await portal.WithDbAsync(db => db.Set<ItemVersion>().AsNoTracking().Include(v => v.Materials).Include(v => v.Fields)
            .SingleAsync(v => v.Status == VersionStatus.Draft && db.Set<ServiceItem>().Any(i => i.Id == v.ItemId && i.BasicCode == CatalogCode)));
        var material = draft.Materials.Single(m => m.Name == "申请表").Id;
        var upload = TestFile.Pdf("file", "申请表.pdf");
        Expect302(await admin.UploadAsync(edit, $"/admin/catalog/{CatalogCode}/materials/{material}/file", "file", upload.Name, upload.Content, upload.ContentType, new Dictionary<string, string> { ["slot"] = "blank" }));
        var draftFile = await portal.WithDbAsync(db => db.Set<Material>().Where(m => m.Id == material).Select(m => m.BlankFormFileId!.Value).SingleAsync());
        Expect302(await admin.SubmitAsync("/admin/supervision", "/admin/supervision/rules", Form(("basicCode", IntakeHttp.SoleTrader), ("yellowPercent", "50"))));
        var cardRule = await portal.WithDbAsync(db => db.Set<CardRule>().Where(r => r.BasicCode == IntakeHttp.SoleTrader).Select(r => r.Id).SingleAsync());
        var countyHall = await HallIdAsync(portal, "云溪县政务服务中心");
        Expect302(await admin.SubmitAsync($"/admin/halls/{countyHall}", $"/admin/halls/{countyHall}/windows", Form(("NewWindow.Number", "77"), ("NewWindow.Name", "矩阵临时窗口"), ("NewWindow.Category", "Comprehensive"))));
        var window = await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == countyHall && w.Number == 77).Select(w => w.Id).SingleAsync());

        // 预约: two bookings of citizen A tomorrow, a Saturday period for the township and a blackout at the county centre.
        foreach (var slot in new[] { "09:00", "09:30" })
        {
            Expect302(await zhang.SubmitAsync("/appointments/new?item=000702003000", "/appointments/new",
                Form(("Item", "000702003000"), ("Hall", countyHall.ToString()), ("Day", "2026-11-24"), ("Slot", slot))));
        }

        var appointments = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Appointments.Domain.Appointment>().OrderBy(a => a.SlotStarts).Select(a => a.Id).ToListAsync());
        var townshipHall = await HallIdAsync(portal, "桃源");
        Expect302(await admin.SubmitAsync($"/admin/service-hours/{townshipHall}", $"/admin/service-hours/{townshipHall}/periods",
            Form(("NewPeriod.Day", "Saturday"), ("NewPeriod.Kind", "AppointmentOnly"), ("NewPeriod.Starts", "09:00"), ("NewPeriod.Ends", "11:00"))));
        var period = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Appointments.Domain.OpeningPeriod>().Where(p => p.HallId == townshipHall && p.Day == DayOfWeek.Saturday).Select(p => p.Id).SingleAsync());
        Expect302(await admin.SubmitAsync($"/admin/service-hours/{countyHall}", $"/admin/service-hours/{countyHall}/blackouts",
            Form(("NewBlackout.StartsAt", "2026-11-30T14:00"), ("NewBlackout.EndsAt", "2026-11-30T16:00"), ("NewBlackout.Reason", "矩阵维护"))));
        var blackout = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Appointments.Domain.Blackout>().Select(b => b.Id).SingleAsync());
        // The hall's queue: A's ticket taken at the county kiosk, and window 1's rating device paired by the chief representative.
        using var kiosk = portal.NewBrowser();
        Expect302(await kiosk.SubmitAsync($"/hall/{countyHall}/kiosk/ticket", $"/hall/{countyHall}/kiosk/ticket", Form(("Category", "Comprehensive"), ("PersonName", "张伟"), ("IdNumber", Demo.CitizenId))));
        var hallTicket = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Hall.Domain.Ticket>().Where(t => t.HallId == countyHall).Select(t => t.Id).SingleAsync());
        var hallWindow = await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == countyHall && w.Number == 1).Select(w => w.Id).SingleAsync());
        var hallOtherWindow = await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == countyHall && w.Number == 2).Select(w => w.Id).SingleAsync());
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var paired = await (await chief.SubmitAsync($"/hall/desk/windows/{hallWindow}", $"/hall/desk/windows/{hallWindow}/device", [])).Content.ReadAsStringAsync();
        var deviceKey = System.Text.RegularExpressions.Regex.Match(paired, "\\?key=([0-9a-f]{32})").Groups[1].Value;

        // 委托代办 and 代办 requests of A, for the 桃源村 agent (the seeded 赵大伟).
        var (mandate, revocable, signed, assistRequest, secondAssistRequest) = await AssistanceAsync(portal, zhang);
        var agentUser = await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Name == "赵大伟").Select(s => s.UserId).SingleAsync());
        var taoyuanVillage = await portal.WithDbAsync(db => db.Set<Region>().Where(r => r.Name == "桃源村").Select(r => r.Id).SingleAsync());

        // The demo county has one chief representative; the township hall gets a second, the way administrators add staff.
        Expect302(await admin.SubmitAsync("/admin/staff/new", "/admin/staff/new", Form(("UserName", OtherChiefAccount), ("Name", "钱进"), ("Role", "ChiefRepresentative"),
            ("Title", "首席代表"), ("OfficePhone", "0793-7320209"), ("HallId", (await HallIdAsync(portal, "桃源")).ToString()), ("Password", OtherChiefPassword))));

        return new AccessWorld
        {
            Intake = intake,
            Review = review,
            ReviewTaskId = reviewTask,
            Extension = extension,
            ExtensionRequestId = extensionRequest,
            SecondSupplement = secondSupplement,
            SecondSupplementRequestId = secondRequest,
            ChiefDecision = chiefDecision,
            ChiefTaskId = chiefTask,
            Finished = finished,
            FinishedWindowStepId = windowStep,
            Licence = licence,
            Rectification = rectification,
            Complaint = complaint,
            HallComplaint = hallComplaint,
            Order = order,
            CardId = card,
            MessageId = message,
            CitizenAUserId = citizenA,
            Township = townshipCase,
            TownshipTaskId = townshipTask,
            TownshipComplaint = townshipComplaint,
            TownshipHallComplaint = townshipHallComplaint,
            MarketDepartmentId = market,
            CountyHallId = countyHall,
            CountyRegionId = await portal.WithDbAsync(db => db.Set<Region>().Where(r => r.Level == RegionLevel.County).Select(r => r.Id).FirstAsync()),
            ReviewerStaff = await portal.WithDbAsync(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Name == "陈静")),
            WindowId = window,
            AppointmentId = appointments[0],
            SecondAppointmentId = appointments[1],
            TownshipHallId = townshipHall,
            PeriodId = period,
            BlackoutId = blackout,
            MandateId = mandate,
            RevocableMandateId = revocable,
            SignedMandateId = signed,
            ParcelId = parcel,
            ResultParcelId = await ResultAtStationAsync(portal, township),
            RequestId = assistRequest.Id,
            RequestNumber = assistRequest.Number,
            SecondRequestId = secondAssistRequest,
            AgentUserId = agentUser,
            VillageId = taoyuanVillage,
            Today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            HallWindowId = hallWindow,
            HallOtherWindowId = hallOtherWindow,
            HallTicketId = hallTicket,
            DeviceKey = deviceKey,
            CardRuleId = cardRule,
            DraftMaterialId = material,
            SpareMaterialId = draft.Materials.Single(m => m.Name == "备用材料").Id,
            DraftFieldId = draft.Fields.Single().Id,
            DraftFileId = draftFile,
        };
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => Expectations.Fields(fields);

    /// <summary>城乡居民基本养老保险参保登记: what A's mandates and 代办 requests are for.</summary>
    public const string Pension = "002005001000";

    /// <summary>A's two online mandates to the 桃源村 agent, one the agent recorded as signed at the station, and A's two 代办 requests (through the pages).</summary>
    private static async Task<(Guid Mandate, Guid Revocable, Guid Signed, (Guid Id, string Number) Request, Guid SecondRequest)> AssistanceAsync(PortalFactory portal, Browser zhang)
    {
        var agent = await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Name == "赵大伟").Select(s => s.UserId).SingleAsync());
        var village = await portal.WithDbAsync(db => db.Set<Region>().Where(r => r.Name == "桃源村").Select(r => r.Id).SingleAsync());
        var today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 2; i++)
        {
            Expect302(await zhang.SubmitAsync("/my/mandates/new", "/my/mandates/new",
                Form(("Agent", agent.ToString()), ("Scope", "Item"), ("ScopeCode", Pension), ("StartsOn", today), ("ExpiresOn", until), ("MayReceiveResult", "true"))));
        }

        using var agentBrowser = portal.NewBrowser();
        await agentBrowser.LoginAsync("agent");
        Expect302(await agentBrowser.PostMultipartAsync("/agent/mandates/new", "/agent/mandates/new",
            Form(("CitizenName", IntakeHttp.CitizenAName), ("CitizenIdNumber", Demo.CitizenId), ("CitizenMobile", Demo.CitizenMobile), ("Scope", "Item"), ("ScopeCode", Pension), ("StartsOn", today), ("ExpiresOn", until)),
            [TestFile.Pdf("SignedScan", "授权委托书.pdf")]));
        var mandates = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Assistance.Domain.Mandate>().OrderBy(m => m.Number).Select(m => m.Id).ToListAsync());
        for (var i = 0; i < 2; i++)
        {
            Expect302(await zhang.SubmitAsync("/my/assistance/new", "/my/assistance/new",
                Form(("Kind", "Errand"), ("Item", Pension), ("Village", village.ToString()), ("Mobile", Demo.CitizenMobile))));
        }

        var requests = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Assistance.Domain.AssistanceRequest>().OrderBy(r => r.Number).Select(r => new { r.Id, r.Number }).ToListAsync());
        return (mandates[0], mandates[1], mandates[2], (requests[0].Id, requests[0].Number), requests[1].Id);
    }

    /// <summary>
    /// 村代收、乡镇转办、县审批 through the pages: the 桃源村 agent files A's pension registration under A's mandate, the 桃源乡
    /// window accepts it, 人社局 approves, the window sends the result on and the agent signs for it at the station.
    /// </summary>
    private static async Task<Guid> ResultAtStationAsync(PortalFactory portal, Browser township)
    {
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        var filed = await ReceivingPlacesTests.AgentFilesPensionAsync(portal, agent, IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile);
        Expect302(await township.SubmitAsync($"/window/prereview/{filed.Id}", $"/window/prereview/{filed.Id}", ReceivingPlacesTests.PreReviewAccept(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile)));
        await ReviewJourney.ApproveAsync(portal, filed.Id, "reviewer.rs");
        var result = await portal.WithDbAsync(db => db.Set<GovService.Web.Modules.Intake.Custody.CustodyParcel>()
            .Where(p => p.CaseId == filed.Id && p.Kind == GovService.Web.Modules.Intake.Custody.ParcelKind.Result).Select(p => p.Id).SingleAsync());
        Expect302(await township.SubmitAsync("/custody", $"/custody/{result}/send", Form(("carrier", "ByHand"))));
        Expect302(await agent.SubmitAsync("/custody", $"/custody/{result}/receive", []));
        return result;
    }

    private static void Expect302(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");

    /// <summary>A walk-in food licence for A at the county hall with every material: accepted and routed to 市场监管局.</summary>
    private static Task<CaseRef> AcceptFoodLicenceAsync(PortalFactory portal, Browser clerk) =>
        IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));

    private static Task<Guid> StepAsync(PortalFactory portal, Guid caseId, int stage) =>
        portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.CaseId == caseId && t.Stage == stage).Select(t => t.Id).SingleAsync());

    private static async Task ActAsync(Browser reviewer, Guid task, string verb, (string, string)[] fields) =>
        Expect302(await reviewer.SubmitAsync($"/review/tasks/{task}", $"/review/tasks/{task}/{verb}", Form(fields)));

    private static async Task PassFirstStepAsync(PortalFactory portal, Browser reviewer, Guid caseId)
    {
        var first = await StepAsync(portal, caseId, 1);
        await ActAsync(reviewer, first, "claim", []);
        await ActAsync(reviewer, first, "pass", [("Opinion", "材料齐全")]);
    }

    private static Task<Guid> HallIdAsync(PortalFactory portal, string namePrefix) =>
        portal.WithDbAsync(db => db.Set<ServiceHall>().Where(h => h.Name.StartsWith(namePrefix)).Select(h => h.Id).FirstAsync());

    private static async Task<Complaint> ComplainAsync(PortalFactory portal, Browser citizen, string subject, string title)
    {
        Expect302(await citizen.SubmitAsync("/my/complaints", "/my/complaints", Form(("Subject", subject), ("Title", title), ("Content", title + "，请尽快处理。"))));
        return await portal.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Title == title));
    }
}
