using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Supervision.Data;

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> builder)
    {
        builder.ToTable("sup_cards");
        builder.Property(c => c.CaseNumber).HasMaxLength(30);
        builder.Property(c => c.ItemName).HasMaxLength(200);
        builder.Property(c => c.BasicCode).HasMaxLength(12);
        builder.Property(c => c.StepName).HasMaxLength(100);

        // The idempotency guarantee: one card of each colour per deadline, whoever runs the sweep and how often.
        builder.HasIndex(c => new { c.CaseId, c.TaskId, c.Deadline, c.Colour }).IsUnique().HasDatabaseName("ux_sup_cards_once");
        builder.HasIndex(c => c.IssuedAt);
        builder.HasIndex(c => c.TaskId).HasFilter("closed_at IS NULL").HasDatabaseName("ix_sup_cards_open");
    }
}

internal sealed class CardRuleConfiguration : IEntityTypeConfiguration<CardRule>
{
    public void Configure(EntityTypeBuilder<CardRule> builder)
    {
        builder.ToTable("sup_card_rules");
        builder.Property(r => r.BasicCode).HasMaxLength(12);
        builder.Property(r => r.StepName).HasMaxLength(100);
        builder.Property(r => r.UpdatedBy).HasMaxLength(100);
        builder.HasIndex(r => new { r.BasicCode, r.StepName }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_sup_card_rules_values", "(yellow_percent IS NULL OR yellow_percent BETWEEN 1 AND 100) AND (yellow_days_left IS NULL OR yellow_days_left BETWEEN 0 AND 60) AND (yellow_percent IS NOT NULL OR yellow_days_left IS NOT NULL)"));
    }
}

internal sealed class SupervisionOrderConfiguration : IEntityTypeConfiguration<SupervisionOrder>
{
    public void Configure(EntityTypeBuilder<SupervisionOrder> builder)
    {
        builder.ToTable("sup_orders");
        builder.Property(o => o.Number).HasMaxLength(30);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.CardId).IsUnique().HasFilter("card_id IS NOT NULL");
        builder.HasIndex(o => new { o.DepartmentId, o.State });
        builder.HasIndex(o => o.CaseId);
        builder.Property(o => o.CaseNumber).HasMaxLength(30);
        builder.Property(o => o.ItemName).HasMaxLength(200);
        builder.Property(o => o.Content).HasMaxLength(1000);
        builder.Property(o => o.DepartmentName).HasMaxLength(200);
        builder.Property(o => o.RuleCode).HasMaxLength(30);
        builder.Property(o => o.Result).HasMaxLength(2000);
        builder.Property(o => o.AnsweredByName).HasMaxLength(100);
        builder.Property(o => o.OpenedByName).HasMaxLength(100);
        builder.Property(o => o.ClosingNote).HasMaxLength(1000);
        builder.Property(o => o.RowVersion).IsRowVersion();
    }
}

internal sealed class WorkingDayNumberConfiguration : IEntityTypeConfiguration<WorkingDayNumber>
{
    public void Configure(EntityTypeBuilder<WorkingDayNumber> builder)
    {
        builder.ToTable("sup_working_days");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Number).HasColumnName("n");
        builder.Property(d => d.Day).HasColumnName("d");
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("sup_ratings");
        builder.Property(r => r.CaseNumber).HasMaxLength(30);
        builder.Property(r => r.BasicCode).HasMaxLength(12);
        builder.Property(r => r.ItemName).HasMaxLength(200);
        builder.Property(r => r.StepAction).HasMaxLength(40);
        builder.Property(r => r.StaffName).HasMaxLength(100);
        builder.Property(r => r.DepartmentName).HasMaxLength(200);
        builder.Property(r => r.Comment).HasMaxLength(500);

        // One rating per window interaction and one of the whole case: a double click or a retried post is refused.
        builder.HasIndex(r => new { r.CaseId, r.StepId }).IsUnique().HasDatabaseName("ux_sup_ratings_once");
        builder.HasIndex(r => new { r.HallId, r.RatedOn });
        builder.HasIndex(r => r.StaffId);
        builder.ToTable(t => t.HasCheckConstraint("ck_sup_ratings_level", "level BETWEEN 1 AND 5 AND channel BETWEEN 1 AND 7"));
    }
}

internal sealed class RectificationOrderConfiguration : IEntityTypeConfiguration<RectificationOrder>
{
    public void Configure(EntityTypeBuilder<RectificationOrder> builder)
    {
        builder.ToTable("sup_rectifications");
        builder.Property(o => o.Number).HasMaxLength(30);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.RatingId).IsUnique();
        builder.HasIndex(o => new { o.DepartmentId, o.State });
        builder.HasIndex(o => new { o.HallId, o.State });
        builder.HasIndex(o => o.DueOn).HasFilter($"state = {(int)RectificationState.Open} AND escalated_at IS NULL").HasDatabaseName("ix_sup_rectifications_watch");
        builder.Property(o => o.CaseNumber).HasMaxLength(30);
        builder.Property(o => o.ItemName).HasMaxLength(200);
        builder.Property(o => o.DepartmentName).HasMaxLength(200);
        builder.Property(o => o.StaffName).HasMaxLength(100);
        builder.Property(o => o.Complaint).HasMaxLength(500);
        builder.Property(o => o.CallbackNote).HasMaxLength(1000);
        builder.Property(o => o.Rectification).HasMaxLength(2000);
        builder.Property(o => o.FedBackByName).HasMaxLength(100);
        builder.Property(o => o.RerateComment).HasMaxLength(500);
        builder.Property(o => o.AppealReason).HasMaxLength(1000);
        builder.Property(o => o.AppealDecision).HasMaxLength(1000);
        builder.Property(o => o.AppealDecidedByName).HasMaxLength(100);
        builder.Property(o => o.RowVersion).IsRowVersion();
        builder.HasOne<Rating>().WithOne().HasForeignKey<RectificationOrder>(o => o.RatingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("sup_complaints");
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.ComplainantUserId);
        builder.HasIndex(c => new { c.DepartmentId, c.State });
        builder.HasIndex(c => new { c.HallId, c.State });
        builder.HasIndex(c => c.DueOn).HasFilter($"state = {(int)ComplaintState.Open} AND escalated_at IS NULL").HasDatabaseName("ix_sup_complaints_watch");
        builder.Property(c => c.ComplainantName).HasMaxLength(100);
        builder.Property(c => c.Title).HasMaxLength(100);
        builder.Property(c => c.Content).HasMaxLength(2000);
        builder.Property(c => c.CaseNumber).HasMaxLength(30);
        builder.Property(c => c.HallName).HasMaxLength(200);
        builder.Property(c => c.DepartmentName).HasMaxLength(200);
        builder.Property(c => c.Respondent).HasMaxLength(100);
        builder.Property(c => c.Answer).HasMaxLength(2000);
        builder.Property(c => c.AnsweredByName).HasMaxLength(100);
        builder.Property(c => c.RowVersion).IsRowVersion();
    }
}

internal sealed class CaseDayFactsConfiguration : IEntityTypeConfiguration<CaseDayFacts>
{
    public void Configure(EntityTypeBuilder<CaseDayFacts> builder)
    {
        builder.ToTable("sup_case_days");
        builder.HasKey(f => new { f.Day, f.HallId, f.BasicCode });
        builder.Property(f => f.BasicCode).HasMaxLength(12);
        builder.Property(f => f.ItemName).HasMaxLength(200);
        builder.HasIndex(f => f.Day).HasFilter("open > 0").HasDatabaseName("ix_sup_case_days_open");
        // The dashboard reads when the figures were last refreshed on every page: max() from this index, not a scan.
        builder.HasIndex(f => f.RefreshedAt).HasDatabaseName("ix_sup_case_days_refreshed_at");
    }
}

internal sealed class SweepStateConfiguration : IEntityTypeConfiguration<SweepState>
{
    public void Configure(EntityTypeBuilder<SweepState> builder)
    {
        builder.ToTable("sup_sweep_state");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new SweepState { Id = SweepState.SingletonId, Revision = 0 });
    }
}
