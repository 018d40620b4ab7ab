using GovService.Web.Infrastructure.Auditing;

namespace GovService.Web.Modules.Approval.Domain;

public enum SecondSupplementState
{
    /// <summary>Waiting for a supervisor; the case goes on as it was (nothing told to the applicant yet).</summary>
    Pending = 1,

    /// <summary>Approved: the 补正 was sent to the applicant and the clock paused.</summary>
    Approved = 2,
    Refused = 3,

    /// <summary>Nothing left to decide: the case ended or the step moved on before a supervisor decided.</summary>
    Withdrawn = 4,
}

/// <summary>
/// 二次补正 (DESIGN §4): a reviewer asks for a second supplement on a case that had one already (一次性告知 promises
/// one). The request waits for a supervisor over the accepting hall, who approves it (then the 补正 goes out) or
/// refuses it with a reason. At most one request of a case waits at a time (a unique index).
/// </summary>
public sealed class SecondSupplementRequest : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid TaskId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string StepName { get; set; } = "";
    public Guid? HallId { get; set; }
    public Guid DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";

    /// <summary>What the reviewer asks for: the material's position → what is missing or wrong with it.</summary>
    public Dictionary<string, string> Defects { get; set; } = [];

    /// <summary>Why a second request is needed although the first should have listed everything.</summary>
    public string Reason { get; set; } = "";
    public Guid RequestedByStaffId { get; set; }
    public Guid RequestedByUserId { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public SecondSupplementState State { get; set; } = SecondSupplementState.Pending;
    public Guid? DecidedByStaffId { get; set; }
    public string DecidedByName { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The supervisor's reason for a refusal, or a note with an approval.</summary>
    public string DecisionNote { get; set; } = "";
    public uint RowVersion { get; set; }

    public IReadOnlyList<(int Position, string Defect)> DefectList =>
        [.. Defects.Select(d => (int.Parse(d.Key, System.Globalization.CultureInfo.InvariantCulture), d.Value)).OrderBy(d => d.Item1)];

    public void Approve(Guid staffId, string name, string note, DateTimeOffset at) =>
        Settle(SecondSupplementState.Approved, staffId, name, note, at);

    public void Refuse(Guid staffId, string name, string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException("A refusal needs a reason.");
        }

        Settle(SecondSupplementState.Refused, staffId, name, reason, at);
    }

    public void Withdraw(string reason, DateTimeOffset at) => Settle(SecondSupplementState.Withdrawn, null, "", reason, at);

    private void Settle(SecondSupplementState next, Guid? staffId, string name, string note, DateTimeOffset at)
    {
        if (State != SecondSupplementState.Pending)
        {
            throw new InvalidOperationException($"Second-supplement request {Id} is {State} already.");
        }

        State = next;
        DecidedByStaffId = staffId;
        DecidedByName = name;
        DecisionNote = note.Trim();
        DecidedAt = at.ToUniversalTime();
    }
}
