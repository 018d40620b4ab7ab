using GovService.Web.Modules.Assistance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Assistance.Data;

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> builder)
    {
        builder.ToTable("asv_mandates");
        builder.Property(m => m.Number).HasMaxLength(20);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.Property(m => m.CitizenName).HasMaxLength(50);
        builder.Property(m => m.CitizenIdNumber).HasMaxLength(18);
        builder.Property(m => m.CitizenMobile).HasMaxLength(20);
        builder.Property(m => m.AgentName).HasMaxLength(50);
        builder.Property(m => m.ScopeCode).HasMaxLength(40);
        builder.Property(m => m.ScopeName).HasMaxLength(200);
        builder.Property(m => m.SignedScanType).HasMaxLength(100);
        builder.Property(m => m.SignedScanSha256).HasMaxLength(64);
        builder.Property(m => m.ExpiresOn);
        builder.Property(m => m.State);
        builder.Property(m => m.RevokedAt);
        // The agent's check before every act: their mandates from one applicant.
        builder.HasIndex(m => new { m.AgentUserId, m.CitizenIdNumber });
        builder.HasIndex(m => m.CitizenIdNumber);
        builder.Property(m => m.Version).IsRowVersion();
    }
}

internal sealed class MandateActConfiguration : IEntityTypeConfiguration<MandateAct>
{
    public void Configure(EntityTypeBuilder<MandateAct> builder)
    {
        builder.ToTable("asv_mandate_acts");
        builder.Property(a => a.ByName).HasMaxLength(50);
        builder.Property(a => a.CaseNumber).HasMaxLength(30);
        builder.Property(a => a.ItemName).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(500);
        builder.HasIndex(a => new { a.MandateId, a.At });
        builder.HasIndex(a => a.CaseId);
        builder.HasOne<Mandate>().WithMany().HasForeignKey(a => a.MandateId);
    }
}

internal sealed class AssistanceRequestConfiguration : IEntityTypeConfiguration<AssistanceRequest>
{
    public void Configure(EntityTypeBuilder<AssistanceRequest> builder)
    {
        builder.ToTable("asv_requests");
        builder.Property(r => r.Number).HasMaxLength(20);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.RecordedByName).HasMaxLength(50);
        builder.Property(r => r.ApplicantName).HasMaxLength(100);
        builder.Property(r => r.ApplicantIdNumber).HasMaxLength(18);
        builder.Property(r => r.ContactName).HasMaxLength(50);
        builder.Property(r => r.Mobile).HasMaxLength(20);
        builder.Property(r => r.Address).HasMaxLength(200);
        builder.Property(r => r.ItemCode).HasMaxLength(40);
        builder.Property(r => r.Subject).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.AgentName).HasMaxLength(50);
        builder.Property(r => r.CaseNumber).HasMaxLength(30);
        builder.Property(r => r.Outcome).HasMaxLength(500);
        builder.Property(r => r.FollowUpByName).HasMaxLength(50);
        builder.Property(r => r.FollowUpNote).HasMaxLength(500);
        foreach (var name in new[]
        {
            nameof(AssistanceRequest.Level), nameof(AssistanceRequest.PoolRegionId), nameof(AssistanceRequest.AcceptDueAt), nameof(AssistanceRequest.EscalatedAt),
            nameof(AssistanceRequest.State), nameof(AssistanceRequest.AgentUserId), nameof(AssistanceRequest.AcceptedAtLevel), nameof(AssistanceRequest.AcceptedAt),
            nameof(AssistanceRequest.FileDueAt), nameof(AssistanceRequest.CaseId), nameof(AssistanceRequest.FiledAt), nameof(AssistanceRequest.DoneAt),
            nameof(AssistanceRequest.OnTime), nameof(AssistanceRequest.VisitsSaved), nameof(AssistanceRequest.FollowUpAt), nameof(AssistanceRequest.FollowUp),
        })
        {
            builder.Property(name);
        }

        // The pools: what waits for the agents of a region, soonest due first.
        builder.HasIndex(r => new { r.PoolRegionId, r.State, r.AcceptDueAt });
        builder.HasIndex(r => new { r.AgentUserId, r.State });
        builder.HasIndex(r => r.CitizenUserId);
        builder.HasIndex(r => r.CaseId);
        builder.Property(r => r.Version).IsRowVersion();
    }
}

internal sealed class RequestContactConfiguration : IEntityTypeConfiguration<RequestContact>
{
    public void Configure(EntityTypeBuilder<RequestContact> builder)
    {
        builder.ToTable("asv_request_contacts");
        builder.Property(c => c.ByName).HasMaxLength(50);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.HasIndex(c => new { c.RequestId, c.At });
        builder.HasOne<AssistanceRequest>().WithMany().HasForeignKey(c => c.RequestId);
    }
}

internal sealed class RequestCardConfiguration : IEntityTypeConfiguration<RequestCard>
{
    public void Configure(EntityTypeBuilder<RequestCard> builder)
    {
        builder.ToTable("asv_request_cards");
        // Once per step and colour, however often and on however many instances the watch runs.
        builder.HasIndex(c => new { c.RequestId, c.Step, c.Colour }).IsUnique();
        builder.HasOne<AssistanceRequest>().WithMany().HasForeignKey(c => c.RequestId);
    }
}
