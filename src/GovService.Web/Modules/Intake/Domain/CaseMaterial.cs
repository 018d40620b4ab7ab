using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>A material of the item's list as received (or not) for one case.</summary>
public sealed class CaseMaterial : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public bool Required { get; set; }
    public bool DeficiencyAllowed { get; set; }
    public bool Received { get; set; }
    public int Originals { get; set; }
    public int Copies { get; set; }

    /// <summary>Why it cannot be accepted as it is (一次性告知): missing, expired, unsigned …; empty when fine.</summary>
    public string Defect { get; set; } = "";

    /// <summary>
    /// 容缺受理: missing when the case was accepted, the applicant promising it by the case's due date. Kept after it
    /// arrives, so the 容缺受理通知书 lists what was promised.
    /// </summary>
    public bool Deferred { get; set; }

    /// <summary>When the applicant uploaded what a one-time notice or a 容缺 commitment asked for.</summary>
    public DateTimeOffset? SuppliedAt { get; set; }

    /// <summary>The item's material <paramref name="m"/> as checked at the counter for <paramref name="owner"/>.</summary>
    public static CaseMaterial For(Case owner, PublishedMaterial m, bool received, string defect = "", bool deferred = false) => new()
    {
        CaseId = owner.Id,
        Position = m.Position,
        Name = m.Name,
        Required = m.Required,
        DeficiencyAllowed = m.DeficiencyAllowed,
        Received = received,
        Originals = m.Originals,
        Copies = m.Copies,
        Defect = defect,
        Deferred = deferred,
    };

    /// <summary>Still owed by the applicant: named in a one-time notice, or a required material missing at 容缺受理.</summary>
    public bool Owed(CaseState state) => SuppliedAt is null && state switch
    {
        CaseState.SupplementRequested => Defect.Length > 0,
        CaseState.AcceptedWithDeficiency => Required && !Received,
        _ => false,
    };
}
