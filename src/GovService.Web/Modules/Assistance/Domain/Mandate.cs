using GovService.Web.Infrastructure.Auditing;

namespace GovService.Web.Modules.Assistance.Domain;

/// <summary>What a mandate (委托代办) covers.</summary>
public enum MandateScope
{
    /// <summary>One service item (by its basic code).</summary>
    Item = 1,

    /// <summary>一件事: a bundle and every item of it.</summary>
    Bundle = 2,

    /// <summary>All items of a kind: every item one department implements (e.g. all of 人社局's).</summary>
    Department = 3,
}

public enum MandateState
{
    /// <summary>有效 (within its dates) or not yet begun / lapsed, as <see cref="Mandate.IsLiveOn"/> tells.</summary>
    Granted = 1,

    /// <summary>已撤销 by the citizen (final).</summary>
    Revoked = 2,
}

/// <summary>How the citizen granted it.</summary>
public enum MandateGrant
{
    /// <summary>In their own account, online.</summary>
    Online = 1,

    /// <summary>At a village station or window, with the agent: the signed 授权委托书 is kept with the mandate.</summary>
    AtStation = 2,
}

/// <summary>What the agent did under a mandate (every act is shown to the citizen).</summary>
public enum MandateActKind
{
    Granted = 1,
    Extended = 2,
    Revoked = 3,
    DraftSaved = 4,
    CaseFiled = 5,
    MaterialsSupplied = 6,
    ResultReceived = 7,
    RequestAccepted = 8,
    Contacted = 9,
}

/// <summary>
/// 委托代办: a citizen lets one agent act for them within a scope, from a start day to an expiry day, and says whether the
/// agent may also receive the result. The citizen extends or revokes it; an agent acts only while it is live
/// (<see cref="IsLiveOn"/>) and only within its scope (<see cref="Covers"/>). Revoked is final.
/// </summary>
public sealed class Mandate : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>委托书编号, WT series.</summary>
    public string Number { get; set; } = "";

    public Guid? CitizenUserId { get; set; }
    public string CitizenName { get; set; } = "";
    public string CitizenIdNumber { get; set; } = "";
    public string CitizenMobile { get; set; } = "";

    public Guid AgentUserId { get; set; }
    public string AgentName { get; set; } = "";
    public Guid AgentRegionId { get; set; }

    public MandateScope Scope { get; set; }

    /// <summary>The item's basic code, the bundle's code or the department's id.</summary>
    public string ScopeCode { get; set; } = "";
    public string ScopeName { get; set; } = "";

    public DateOnly StartsOn { get; set; }
    public DateOnly ExpiresOn { get; private set; }
    public bool MayReceiveResult { get; set; }

    public MandateGrant GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>The scan of the signed 授权委托书 (<see cref="MandateGrant.AtStation"/>): PDF or image, its hash on the audit trail.</summary>
    public byte[]? SignedScan { get; set; }
    public string SignedScanType { get; set; } = "";
    public string SignedScanSha256 { get; set; } = "";

    public MandateState State { get; private set; } = MandateState.Granted;
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>xmin: an extension or revocation from a stale page is refused instead of overwriting.</summary>
    public uint Version { get; set; }

    /// <summary>The longest a mandate may run: one year from its start.</summary>
    public const int MaxDays = 366;

    public static Mandate Create(DateOnly startsOn, DateOnly expiresOn)
    {
        if (expiresOn < startsOn || expiresOn.DayNumber - startsOn.DayNumber > MaxDays)
        {
            throw new InvalidOperationException($"A mandate runs from its start up to {MaxDays} days; {startsOn}–{expiresOn} is not allowed.");
        }

        return new Mandate { StartsOn = startsOn, ExpiresOn = expiresOn };
    }

    public bool IsLiveOn(DateOnly day) => State == MandateState.Granted && StartsOn <= day && day <= ExpiresOn;

    /// <summary>Whether an act on <paramref name="itemCode"/> (applied for with <paramref name="bundleCode"/>, implemented by <paramref name="departmentId"/>) is within the scope.</summary>
    public bool Covers(string itemCode, string? bundleCode, Guid departmentId) => Scope switch
    {
        MandateScope.Item => ScopeCode == itemCode,
        MandateScope.Bundle => !string.IsNullOrEmpty(bundleCode) && ScopeCode == bundleCode,
        MandateScope.Department => ScopeCode == departmentId.ToString(),
        _ => false,
    };

    /// <summary>延期: a live or lapsed, not revoked, mandate runs to a later day (at most a year from today).</summary>
    public void Extend(DateOnly to, DateOnly today)
    {
        if (State != MandateState.Granted)
        {
            throw new InvalidOperationException($"Mandate {Number} is revoked; it cannot be extended.");
        }

        if (to <= ExpiresOn || to < today || to.DayNumber - today.DayNumber > MaxDays)
        {
            throw new InvalidOperationException($"Mandate {Number} cannot be extended from {ExpiresOn} to {to}.");
        }

        ExpiresOn = to;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (State != MandateState.Granted)
        {
            throw new InvalidOperationException($"Mandate {Number} is revoked already.");
        }

        State = MandateState.Revoked;
        RevokedAt = now;
    }
}

/// <summary>One act of the agent under a mandate, or a change of the mandate itself: inserted, never changed.</summary>
public sealed class MandateAct
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MandateId { get; set; }
    public DateTimeOffset At { get; set; }
    public MandateActKind Kind { get; set; }
    public string ByName { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string Note { get; set; } = "";
}
