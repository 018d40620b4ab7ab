using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Approval.Data;

internal sealed class RouteTemplateConfiguration : IEntityTypeConfiguration<RouteTemplate>
{
    public void Configure(EntityTypeBuilder<RouteTemplate> builder)
    {
        builder.ToTable("apr_route_templates");
        builder.Property(t => t.BasicCode).HasMaxLength(12);
        builder.Property(t => t.CreatedBy).HasMaxLength(100);
        builder.HasIndex(t => new { t.BasicCode, t.Version }).IsUnique();
        builder.HasIndex(t => t.BasicCode).IsUnique().HasFilter("is_current");
        builder.HasMany(t => t.Steps).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RouteStepConfiguration : IEntityTypeConfiguration<RouteStep>
{
    public void Configure(EntityTypeBuilder<RouteStep> builder)
    {
        builder.ToTable("apr_route_steps");
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

internal sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    public void Configure(EntityTypeBuilder<ReviewTask> builder)
    {
        builder.ToTable("apr_tasks");
        builder.Property(t => t.CaseNumber).HasMaxLength(30);
        builder.Property(t => t.ItemName).HasMaxLength(200);
        builder.Property(t => t.BasicCode).HasMaxLength(12);
        builder.Property(t => t.ApplicantName).HasMaxLength(200);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.ClaimedByName).HasMaxLength(100);
        builder.Property(t => t.Opinion).HasMaxLength(2000);
        builder.Property(t => t.RowVersion).IsRowVersion();

        // The department queue: open steps of one department by due date (a partial index stays small).
        builder.HasIndex(t => new { t.DepartmentId, t.DueOn, t.Id }).HasFilter($"state = {(int)TaskState.Open}").HasDatabaseName("ix_apr_tasks_queue");
        builder.HasIndex(t => new { t.CaseId, t.Stage });
    }
}

internal sealed class TaskActionConfiguration : IEntityTypeConfiguration<TaskAction>
{
    public void Configure(EntityTypeBuilder<TaskAction> builder)
    {
        builder.ToTable("apr_task_actions");
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.StepName).HasMaxLength(100);
        builder.Property(a => a.HandlerName).HasMaxLength(100);
        builder.Property(a => a.Department).HasMaxLength(200);
        builder.Property(a => a.Opinion).HasMaxLength(2000);
        builder.HasIndex(a => new { a.CaseId, a.Id });
    }
}

internal sealed class CaseClockConfiguration : IEntityTypeConfiguration<CaseClock>
{
    public void Configure(EntityTypeBuilder<CaseClock> builder)
    {
        builder.ToTable("apr_case_clocks");
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.RowVersion).IsRowVersion();
    }
}

internal sealed class ClockSegmentConfiguration : IEntityTypeConfiguration<ClockSegmentRecord>
{
    public void Configure(EntityTypeBuilder<ClockSegmentRecord> builder)
    {
        builder.ToTable("apr_clock_segments");
        builder.Property(s => s.ProcedureType).HasMaxLength(50);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.Result).HasMaxLength(1000);
        builder.HasIndex(s => s.CaseId);
        // Pauses still running (补正, 特别程序; a few hundred in a county): the queue's paused badge reads them for its
        // 50 rows from this index instead of scanning every segment ever recorded (12–18 ms per queue page at a
        // million cases).
        builder.HasIndex(s => s.CaseId, "ix_apr_clock_segments_open").HasFilter($"\"to\" IS NULL AND state = {(int)SegmentState.InForce} AND kind <> {(int)Shared.Calendar.ClockSegmentKind.Extended}").HasDatabaseName("ix_apr_clock_segments_open");
    }
}

internal sealed class ClockRecomputationConfiguration : IEntityTypeConfiguration<ClockRecomputation>
{
    public void Configure(EntityTypeBuilder<ClockRecomputation> builder)
    {
        builder.ToTable("apr_clock_recomputations");
        builder.Property(r => r.Reason).HasMaxLength(100);
        builder.HasIndex(r => r.CaseId);
    }
}

internal sealed class SecondSupplementRequestConfiguration : IEntityTypeConfiguration<SecondSupplementRequest>
{
    public void Configure(EntityTypeBuilder<SecondSupplementRequest> builder)
    {
        builder.ToTable("apr_second_supplements");
        builder.Property(r => r.CaseNumber).HasMaxLength(30);
        builder.Property(r => r.ItemName).HasMaxLength(200);
        builder.Property(r => r.StepName).HasMaxLength(100);
        builder.Property(r => r.DepartmentName).HasMaxLength(200);
        builder.Property(r => r.Defects).HasJsonbDictionary();
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.RequestedByName).HasMaxLength(100);
        builder.Property(r => r.DecidedByName).HasMaxLength(100);
        builder.Property(r => r.DecisionNote).HasMaxLength(1000);
        builder.Property(r => r.RowVersion).IsRowVersion();

        // One request of a case waits at a time: a second reviewer's (or a double click's) insert is refused by the index.
        builder.HasIndex(r => r.CaseId).IsUnique().HasFilter($"state = {(int)SecondSupplementState.Pending}").HasDatabaseName("ux_apr_second_supplements_pending");
        builder.HasIndex(r => new { r.HallId, r.State });
    }
}
