using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GovService.Web.Infrastructure.Web;

namespace GovService.Web.Infrastructure.Auditing;

/// <summary>Marks an entity whose every change is written to the append-only audit trail.</summary>
public interface IAudited;

/// <summary>One state change: who, what, when, before and after (DESIGN §8). Rows are only ever inserted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserName { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }

    /// <summary>The writing transaction (set by the database): the chain takes an entry only once no older transaction can still commit.</summary>
    public long TxId { get; set; }

    /// <summary>Position in the hash chain, null until <see cref="AuditChain"/> seals the entry (within a minute).</summary>
    public long? ChainSeq { get; set; }

    /// <summary>SHA-256 (hex) of the previous entry's hash and this entry's content.</summary>
    public string? Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("ops_audit_entries");
        builder.Property(e => e.Action).HasMaxLength(16);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Before).HasColumnType("jsonb");
        builder.Property(e => e.After).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.Property(e => e.TxId).HasDefaultValueSql("(pg_current_xact_id()::text)::bigint").ValueGeneratedOnAdd();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => e.ChainSeq).IsUnique();
        builder.HasIndex(e => e.Id).HasDatabaseName("ix_ops_audit_entries_unsealed").HasFilter("chain_seq IS NULL");
    }
}

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> entity, and every
/// role given to or taken from an account, in the same transaction.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (AddEntries(eventData.Context))
        {
            var revision = eventData.Context!.Set<ContentRevision>().Find(ContentRevision.SingletonId);
            NewStamp(eventData.Context, revision);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (AddEntries(eventData.Context))
        {
            var revision = await eventData.Context!.Set<ContentRevision>().FindAsync([ContentRevision.SingletonId], cancellationToken);
            NewStamp(eventData.Context, revision);
        }

        return result;
    }

    /// <summary>
    /// A fresh unique stamp (not an increment): under concurrent changes the row lock orders the writers
    /// and the last commit's stamp differs from every stamp pages were cached under before it.
    /// </summary>
    private static void NewStamp(DbContext context, ContentRevision? revision)
    {
        if (revision is null)
        {
            context.Add(new ContentRevision { Stamp = Guid.NewGuid() });
        }
        else
        {
            revision.Stamp = Guid.NewGuid();
        }
    }

    /// <summary>Adds the audit entries; true when public content changed (a new content stamp is due).</summary>
    private bool AddEntries(DbContext? context)
    {
        if (context is null)
        {
            return false;
        }

        var user = CurrentUser(http);
        var now = clock.GetUtcNow();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in changed)
        {
            context.Add(new AuditEntry
            {
                At = now,
                UserName = user,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => p.CurrentValue)),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
            });
        }

        // Cases and accounts change all day long; only what public pages show invalidates them.
        return changed.Any(e => e.Entity is IPublicContent);
    }

    /// <summary>
    /// Who an audit entry names: the signed-in account; "anonymous" and the client's address for a request
    /// without one (a registration, a failed sign-in); "system" for jobs.
    /// </summary>
    public static string CurrentUser(IHttpContextAccessor http) => http.HttpContext is { } context
        ? context.User.FindFirstValue(ClaimTypes.Name) ?? $"anonymous ({context.Connection.RemoteIpAddress})"
        : "system";

    /// <summary>Secrets of an account: the trail says whether they are set and when they change, never what they are.</summary>
    private static readonly HashSet<string> Secrets = ["PasswordHash", "SecurityStamp"];

    /// <summary>File contents are recorded by their length and SHA-256, not copied into the trail.</summary>
    private static object? Value(PropertyEntry property, bool original)
    {
        var value = original ? property.OriginalValue : property.CurrentValue;
        if (Secrets.Contains(property.Metadata.Name))
        {
            // Not IsModified: Identity's store marks every property of an updated account as modified.
            return value is null ? null : !original && !Equals(property.OriginalValue, property.CurrentValue) ? "(changed)" : "(set)";
        }

        return value is byte[] bytes ? Describe(bytes) : value;
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = entry.Properties
            .Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey())
            .ToDictionary(p => p.Metadata.Name, p => Value(p, original));
        return JsonSerializer.Serialize(values);
    }

    /// <summary>
    /// The entry of a new entity written without the change tracker (<see cref="Data.ModelInserts"/>), as this
    /// interceptor would have written it on a save: the same action, id and snapshot of every property.
    /// </summary>
    public static AuditEntry Added(IEntityType type, object entity, string? user, DateTimeOffset at)
    {
        if (entity is not IAudited || type.GetProperties().Any(p => p.IsShadowProperty() || Secrets.Contains(p.Name)))
        {
            throw new InvalidOperationException($"{type.ClrType.Name} is not audited, or has values only the change tracker holds.");
        }

        var values = type.GetProperties().ToDictionary(p => p.Name, p => p.GetGetter().GetClrValue(entity) is byte[] bytes ? Describe(bytes) : p.GetGetter().GetClrValue(entity));
        return new AuditEntry
        {
            At = at,
            UserName = user,
            Action = nameof(EntityState.Added),
            EntityType = type.ClrType.Name,
            EntityId = string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity))),
            After = JsonSerializer.Serialize(values),
        };
    }

    private static string Describe(byte[] bytes) => $"{bytes.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}";
}
