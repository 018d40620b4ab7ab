using System.Linq.Expressions;
using System.Security.Cryptography;
using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>送达方式.</summary>
public enum DeliveryMethod
{
    /// <summary>窗口领取, with an identity check.</summary>
    Pickup = 1,

    /// <summary>邮寄 (EMS or another carrier), with a tracking number.</summary>
    Courier = 2,

    /// <summary>电子送达 into the holder's wallet.</summary>
    Electronic = 3,
}

public enum ApplicantKind
{
    Person = 1,
    Organisation = 2,
}

/// <summary>
/// A case: one application for one item, from draft or window intake to delivery. It keeps the
/// catalog version it was accepted under. State changes go through <see cref="MoveTo"/>, which refuses
/// every transition the lifecycle does not allow, so no caller can skip a rule.
/// </summary>
public sealed class Case : IAudited
{
    public Case()
    {
    }

    /// <summary>A new case of a published item: what it keeps of the item's version (online, at a window, in the demo).</summary>
    public Case(Catalog.Contracts.PublishedItem item)
    {
        ItemId = item.ItemId;
        ItemVersionId = item.VersionId;
        ItemName = item.Name;
        BasicCode = item.BasicCode;
        CaseKind = item.CaseKind;
        PromisedVisits = item.VisitsNeeded;
    }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>办件编号: county code, date and a daily sequence, e.g. 3611312026112300001. Set at submission or intake.</summary>
    public string? Number { get; set; }

    /// <summary>查询码: with the number, lets anyone look the status up without logging in.</summary>
    public string QueryCode { get; set; } = NewQueryCode();

    public Guid ItemId { get; set; }
    public Guid ItemVersionId { get; set; }
    public string ItemName { get; set; } = "";
    public string BasicCode { get; set; } = "";

    /// <summary>A.6: 1 即办件, 2 承诺件 (copied from the catalog version).</summary>
    public int CaseKind { get; set; }

    public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Person;
    public string ApplicantName { get; set; } = "";

    /// <summary>111 公民身份号码 or 001 统一社会信用代码.</summary>
    public string ApplicantIdType { get; set; } = "111";
    public string ApplicantIdNumber { get; set; } = "";
    public Guid? ApplicantUserId { get; set; }

    /// <summary>The 代办员 who filed the application in the applicant's name (online), if any.</summary>
    public Guid? AgentUserId { get; set; }

    /// <summary>委托书编号 of the applicant's mandate the agent filed it under (委托代办).</summary>
    public string MandateNumber { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactMobile { get; set; } = "";

    /// <summary>
    /// Whose online application this is, for the user who applies: an agent's are the ones they filed, a citizen's
    /// the ones they filed for themselves (not those an agent filed in their name). As a query filter; the same
    /// rule for a row already loaded is <see cref="IsFiledBy"/> (a test holds the two together).
    /// </summary>
    public static Expression<Func<Case, bool>> FiledBy(Guid user, bool asAgent) => Expressions.Bind(FiledByUser(asAgent), user);

    /// <summary><see cref="FiledBy"/> with the user as a parameter of the rule: for compiled queries (<see cref="Expressions.Inline"/>).</summary>
    public static Expression<Func<Case, Guid, bool>> FiledByUser(bool asAgent) => asAgent ? ByAgent : ByCitizen;

    private static readonly Expression<Func<Case, Guid, bool>> ByAgent = (c, user) => c.AgentUserId == user;
    private static readonly Expression<Func<Case, Guid, bool>> ByCitizen = (c, user) => c.ApplicantUserId == user && c.AgentUserId == null;

    /// <summary>An online application submitted to <paramref name="hallId"/>, waiting for its pre-review.</summary>
    public static Expression<Func<Case, bool>> AtPreReview(Guid? hallId) => c => c.HallId == hallId && c.State == CaseState.Submitted;

    /// <summary>An application given a one-time notice at intake, before acceptance: any comprehensive window continues it.</summary>
    public static readonly Expression<Func<Case, bool>> BackAfterNotice = c => c.State == CaseState.SupplementRequested && c.AcceptedAt == null;

    /// <summary><see cref="FiledBy"/> for a loaded case.</summary>
    public bool IsFiledBy(Guid user, bool asAgent) =>
        asAgent ? AgentUserId == user : ApplicantUserId == user && AgentUserId == null;

    /// <summary>A.5 办理形式.</summary>
    public int Channel { get; set; }
    /// <summary>收件地: the hall whose window received the case (its formal and identity check); the department decides it.</summary>
    public Guid? HallId { get; set; }

    /// <summary>领取地 when it is not the receiving hall: the agent's village station a result comes back to (就近领取).</summary>
    public Guid? CollectingHallId { get; set; }
    public Guid? ClerkStaffId { get; set; }

    public CaseState State { get; set; } = CaseState.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the back office took the case up (a 容缺 case is routed at once but reviewed in its own state).</summary>
    public DateTimeOffset? ReviewStartedAt { get; set; }
    public DateOnly? PromisedDueDate { get; set; }
    public DateOnly? StatutoryDueDate { get; set; }

    /// <summary>
    /// 暂定: the promised date was counted over a year whose holiday notice is not loaded (Monday–Friday assumed). Each
    /// date carries its own flag: a statutory date reaching into next year leaves a promised date in this year firm.
    /// </summary>
    public bool PromisedDueProvisional { get; set; }

    /// <summary>暂定 for the statutory date, as <see cref="PromisedDueProvisional"/> is for the promised one.</summary>
    public bool StatutoryDueProvisional { get; set; }

    /// <summary>In-person interactions at a window (最多跑一次 is measured against it).</summary>
    public int Visits { get; set; }

    /// <summary>到办事现场次数 the catalog promised for this item when the case began.</summary>
    public int PromisedVisits { get; set; } = 1;

    public bool MoreVisitsThanPromised => Visits > Math.Max(PromisedVisits, 0);

    /// <summary>容缺受理: the day by which the applicant promised to supply the missing materials.</summary>
    public DateOnly? DeficiencyDueDate { get; set; }

    /// <summary>Why a case ended without a decision (终止), told to the applicant on the status page.</summary>
    public string TerminationReason { get; set; } = "";

    /// <summary>The decision (准予 / 不予许可): who, when and the opinion written with it.</summary>
    public Guid? DecidedByStaffId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecisionOpinion { get; set; } = "";

    /// <summary>文号 of the written decision (准予 / 不予行政许可决定书), drawn when the decision is made.</summary>
    public string? DecisionNumber { get; set; }

    /// <summary>The body the written decision is issued in the name of: the deciding department (not the hall that took the application in).</summary>
    public string DecisionIssuer { get; set; } = "";

    /// <summary>A written decision exists (准予 / 不予行政许可决定书): it was numbered when the case was decided.</summary>
    public bool HasWrittenDecision => DecisionNumber is not null && DecidedAt is not null;

    /// <summary>统一窗口出件: how the result left the hall (GB/T 39046 table 15).</summary>
    public DeliveryMethod? DeliveryMethod { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public Guid? DeliveredByStaffId { get; set; }
    public string DeliveryRecipient { get; set; } = "";
    public string DeliveryRecipientId { get; set; } = "";
    public string CourierCompany { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public string DeliveryAddress { get; set; } = "";

    /// <summary>不予受理: the written reason and its legal basis.</summary>
    public string RefusalReason { get; set; } = "";
    public string RefusalBasis { get; set; } = "";

    public Dictionary<string, string> FormData { get; set; } = [];

    /// <summary>
    /// Whether the clerk types the application's answers (and its choice of licence to replace): a walk-in's, at the window.
    /// An online application's are the applicant's own and are read, never retyped, at pre-review or on a return.
    /// </summary>
    public bool AnsweredAtWindow => Channel == (int)Shared.CodeLists.ServiceChannel.Window;

    /// <summary>
    /// 变更 / 延续 / 补证 / 换证: the applicant's licence the application replaces, chosen by them from their valid licences of
    /// the item's type (and its number, as the case's pages show it). An approval replaces that licence and no other.
    /// </summary>
    public Guid? ReplacesLicenceId { get; set; }
    public string ReplacesLicenceNumber { get; set; } = "";

    /// <summary>一件事: the cases applied for with one bundle form share this key (and the bundle's code and name).</summary>
    public Guid? BundleKey { get; set; }
    public string BundleCode { get; set; } = "";
    public string BundleName { get; set; } = "";
    public uint RowVersion { get; set; }

    public bool IsOpen => State is not CaseState.Draft && !CaseLifecycle.IsFinal(State);

    public bool CanMoveTo(CaseState next) => CaseLifecycle.Allows(State, next, AcceptedAt is not null);

    /// <summary>
    /// Where the case goes once the applicant has supplied everything owed: a one-time notice before acceptance back to
    /// pre-review, a 补正 after acceptance back to review (the clock resumes); a 容缺 case becomes a plain acceptance, in
    /// review when the back office has taken it up already. Throws for a case that owes nothing.
    /// </summary>
    public CaseState StateAfterSupply() => State switch
    {
        CaseState.SupplementRequested => AcceptedAt is null ? CaseState.Submitted : CaseState.InReview,
        CaseState.AcceptedWithDeficiency => ReviewStartedAt is null ? CaseState.Accepted : CaseState.InReview,
        _ => throw new InvalidOperationException($"A case in {State} owes no materials."),
    };

    /// <summary>
    /// Changes the state, or throws when the lifecycle does not allow it. A final state is reached only through
    /// <see cref="CaseClosure"/>, which closes every module's work for the case in the same transaction.
    /// </summary>
    public void MoveTo(CaseState next, DateTimeOffset at)
    {
        if (CaseLifecycle.IsFinal(next))
        {
            throw new InvalidOperationException($"A case ends ({next}) through CaseClosure, which closes its open work, not through MoveTo.");
        }

        Move(next, at);
    }

    /// <summary>
    /// 统一窗口出件: how the result left the hall and to whom, recorded on a result waiting for delivery (the caller then
    /// ends the case, 办结, through <see cref="CaseClosure"/>). Throws for a case that has no result waiting.
    /// </summary>
    public void RecordDelivery(DeliveryMethod method, Guid staffId, string recipient, string recipientId, string courier, string tracking, string address, DateTimeOffset at)
    {
        if (State != CaseState.AwaitingDelivery)
        {
            throw new InvalidOperationException($"A case in {State} has no result waiting for delivery.");
        }

        DeliveryMethod = method;
        DeliveredAt = at.ToUniversalTime();
        DeliveredByStaffId = staffId;
        DeliveryRecipient = recipient;
        DeliveryRecipientId = recipientId;
        CourierCompany = courier;
        TrackingNumber = tracking;
        DeliveryAddress = address;
    }

    /// <summary>Ends the case in a final state; only <see cref="CaseClosure"/> holds a permit.</summary>
    internal void End(CaseState final, DateTimeOffset at, CaseClosure.Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        if (!CaseLifecycle.IsFinal(final))
        {
            throw new InvalidOperationException($"{final} is not a final state of a case.");
        }

        Move(final, at);
    }

    private void Move(CaseState next, DateTimeOffset at)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException($"A case cannot go from {State} to {next}.");
        }

        at = at.ToUniversalTime();

        if (next is CaseState.Submitted && SubmittedAt is null)
        {
            SubmittedAt = at;
        }

        if (next is CaseState.Accepted or CaseState.AcceptedWithDeficiency && AcceptedAt is null)
        {
            AcceptedAt = at;
        }

        State = next;
        if (!IsOpen && next != CaseState.Draft)
        {
            ClosedAt = at;
        }
    }

    private const string QueryAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Six characters without look-alikes (0/O, 1/I), from a cryptographic source.</summary>
    public static string NewQueryCode() =>
        string.Create(6, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = QueryAlphabet[RandomNumberGenerator.GetInt32(QueryAlphabet.Length)];
            }
        });
}

/// <summary>The allowed transitions of DESIGN §4, in one table.</summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<CaseState, CaseState[]> Next = new()
    {
        [CaseState.Draft] = [CaseState.Submitted, CaseState.Accepted, CaseState.AcceptedWithDeficiency, CaseState.SupplementRequested, CaseState.NotAccepted, CaseState.Withdrawn],
        [CaseState.Submitted] = [CaseState.Accepted, CaseState.AcceptedWithDeficiency, CaseState.SupplementRequested, CaseState.NotAccepted, CaseState.Withdrawn],
        [CaseState.SupplementRequested] = [CaseState.Submitted, CaseState.InReview, CaseState.Withdrawn, CaseState.Terminated],
        [CaseState.Accepted] = [CaseState.InReview, CaseState.Approved, CaseState.Denied, CaseState.Withdrawn],
        [CaseState.AcceptedWithDeficiency] = [CaseState.Accepted, CaseState.InReview, CaseState.Terminated, CaseState.Withdrawn],
        [CaseState.InReview] = [CaseState.SupplementRequested, CaseState.SpecialProcedure, CaseState.Approved, CaseState.Denied, CaseState.Withdrawn],
        [CaseState.SpecialProcedure] = [CaseState.InReview],
        [CaseState.Approved] = [CaseState.AwaitingDelivery, CaseState.Completed],
        [CaseState.AwaitingDelivery] = [CaseState.Completed],
        [CaseState.Denied] = [],
        [CaseState.NotAccepted] = [],
        [CaseState.Completed] = [],
        [CaseState.Withdrawn] = [],
        [CaseState.Terminated] = [],
    };

    /// <summary>The states a case never leaves: 不予受理, 办结, 撤回, 终止 and 不予许可.</summary>
    public static bool IsFinal(CaseState state) =>
        state is CaseState.NotAccepted or CaseState.Completed or CaseState.Withdrawn or CaseState.Terminated or CaseState.Denied;

    /// <summary>
    /// Whether <paramref name="from"/> may become <paramref name="to"/>. A supplement answered before
    /// acceptance goes back to Submitted (pre-review again); after acceptance back to InReview.
    /// </summary>
    public static bool Allows(CaseState from, CaseState to, bool accepted)
    {
        if (!Next.TryGetValue(from, out var allowed) || !allowed.Contains(to))
        {
            return false;
        }

        return from != CaseState.SupplementRequested || to switch
        {
            CaseState.Submitted => !accepted,
            CaseState.InReview => accepted,
            _ => true,
        };
    }
}
