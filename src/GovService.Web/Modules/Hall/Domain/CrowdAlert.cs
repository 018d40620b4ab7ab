using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Hall.Domain;

/// <summary>
/// 排队过长提醒: more than <c>Hall:CrowdAlert:People</c> people of one category have waited longer than
/// <c>Hall:CrowdAlert:WaitMinutes</c>. Raised once per hall and category while the crowd lasts (a partial unique index
/// holds one open alert), answered when the chief representative opens a temporary window for it, cleared when the
/// crowd is gone.
/// </summary>
public sealed class CrowdAlert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HallId { get; set; }
    public DateOnly Day { get; set; }
    public WindowCategory Category { get; set; }
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>How many had waited too long when it was raised.</summary>
    public int Waiting { get; set; }

    /// <summary>The temporary window opened for it (临时窗口), with its number.</summary>
    public Guid? WindowId { get; set; }
    public int? WindowNumber { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }

    public bool IsOpen => ClearedAt is null;

    public void Answer(Guid windowId, int windowNumber, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("A cleared alert is not answered.");
        }

        WindowId = windowId;
        WindowNumber = windowNumber;
        AnsweredAt ??= at;
    }

    /// <summary>The crowd is gone (or the day is over).</summary>
    public void Clear(DateTimeOffset at) => ClearedAt ??= at;
}
