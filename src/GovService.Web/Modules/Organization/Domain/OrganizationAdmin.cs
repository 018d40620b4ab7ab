using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Departments;
using GovService.Web.Modules.Organization.Halls;
using GovService.Web.Modules.Organization.Regions;
using GovService.Web.Modules.Organization.Staff;
using GovService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Domain;

/// <summary>A rule a form broke that needs the database to see (a duplicate code, a wrong parent); shown next to the field.</summary>
public sealed record FormError(string Field, string Message);

/// <summary>
/// The administrators' changes to the organisation. Format rules live in the form validators;
/// rules that need the database live here, so no controller can skip them.
/// </summary>
public sealed class OrganizationAdmin(
    GovDbContext db,
    IStaffAccounts accounts,
    IStringLocalizer<SharedResource> l,
    ILogger<OrganizationAdmin> logger)
{
    public async Task<IReadOnlyList<FormError>> SaveRegionAsync(RegionForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        if (await db.Set<Region>().AnyAsync(r => r.Code == form.Code && r.Id != form.Id, ct))
        {
            errors.Add(new(nameof(form.Code), l["Region.Code.Taken"]));
        }

        if (form.ParentId is { } parentId)
        {
            var parent = await db.Set<Region>().FindAsync([parentId], ct);
            var expectedParentLevel = form.Level == RegionLevel.Village ? RegionLevel.Township : RegionLevel.County;
            if (parent is null || parent.Level != expectedParentLevel || parent.Id == form.Id)
            {
                errors.Add(new(nameof(form.ParentId), l["Region.Parent.WrongLevel"]));
            }
            else if (!form.Code.StartsWith(parent.Code[..(parent.Level == RegionLevel.County ? 6 : 9)], StringComparison.Ordinal))
            {
                errors.Add(new(nameof(form.Code), l["Region.Code.NotUnderParent", parent.Code]));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var region = form.Id is { } id ? await FindForEditAsync<Region>(id, form.Version, ct) : db.Add(new Region()).Entity;
        region.Code = form.Code;
        region.Name = form.Name.Trim();
        region.Level = form.Level;
        region.ParentId = form.ParentId;
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<FormError>> SaveDepartmentAsync(DepartmentForm form, CancellationToken ct)
    {
        var code = form.CreditCode.Trim().ToUpperInvariant();
        if (await db.Set<Department>().AnyAsync(d => d.CreditCode == code && d.Id != form.Id, ct))
        {
            return [new(nameof(form.CreditCode), l["Department.CreditCode.Taken"])];
        }

        if (!await db.Set<Region>().AnyAsync(r => r.Id == form.RegionId, ct))
        {
            return [new(nameof(form.RegionId), l["Common.Required"])];
        }

        var department = form.Id is { } id ? await FindForEditAsync<Department>(id, form.Version, ct) : db.Add(new Department()).Entity;
        department.Name = form.Name.Trim();
        department.ShortName = form.ShortName.Trim();
        department.CreditCode = code;
        department.RegionId = form.RegionId;
        department.Phone = form.Phone.Trim();
        department.Address = form.Address.Trim();
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<FormError>> SaveHallAsync(HallForm form, CancellationToken ct)
    {
        var region = await db.Set<Region>().FindAsync([form.RegionId], ct);
        var expectedLevel = form.Kind switch
        {
            HallKind.CountyCentre => RegionLevel.County,
            HallKind.TownshipCentre => RegionLevel.Township,
            _ => RegionLevel.Village,
        };
        if (region is null || region.Level != expectedLevel)
        {
            return [new(nameof(form.RegionId), l["Hall.Region.WrongLevel"])];
        }

        var hall = form.Id is { } id ? await FindForEditAsync<ServiceHall>(id, form.Version, ct) : db.Add(new ServiceHall()).Entity;
        hall.Name = form.Name.Trim();
        hall.Kind = form.Kind;
        hall.RegionId = form.RegionId;
        hall.Address = form.Address.Trim();
        hall.Phone = form.Phone.Trim();
        hall.OpeningHours = form.OpeningHours.Trim();
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<FormError>> AddWindowAsync(WindowForm form, CancellationToken ct)
    {
        if (!await db.Set<ServiceHall>().AnyAsync(h => h.Id == form.HallId, ct))
        {
            throw new KeyNotFoundException($"No hall {form.HallId}.");
        }

        if (await db.Set<ServiceWindow>().AnyAsync(w => w.HallId == form.HallId && w.Number == form.Number, ct))
        {
            return [new(nameof(form.Number), l["Window.Number.Taken"])];
        }

        db.Add(new ServiceWindow { HallId = form.HallId, Number = form.Number, Name = form.Name.Trim(), Category = form.Category });
        return await SaveAsync(ct);
    }

    public async Task RemoveWindowAsync(Guid hallId, Guid windowId, CancellationToken ct)
    {
        var window = await db.Set<ServiceWindow>().SingleOrDefaultAsync(w => w.Id == windowId && w.HallId == hallId, ct)
            ?? throw new KeyNotFoundException($"No window {windowId} in hall {hallId}.");
        db.Remove(window);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<FormError>> CreateStaffAsync(NewStaffForm form, CancellationToken ct)
    {
        var placementErrors = await CheckPlacementAsync(form, ct);
        if (placementErrors.Count > 0)
        {
            return placementErrors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await accounts.CreateAsync(new NewStaffAccount(form.UserName, form.Name, form.Mobile, form.Role, form.Password), ct);
        if (!account.Succeeded)
        {
            return account.Errors.Select(e => new FormError(e.IsAboutUserName ? nameof(form.UserName) : nameof(form.Password), e.Message)).ToList();
        }

        db.Add(new StaffMember
        {
            UserId = account.UserId!.Value,
            Name = form.Name.Trim(),
            Role = form.Role,
            Title = form.Title.Trim(),
            OfficePhone = form.OfficePhone.Trim(),
            HallId = form.HallId,
            DepartmentId = form.DepartmentId,
            RegionId = form.RegionId,

            // Only a department's own staff can head it (and so receive its supervision orders).
            IsHead = form.IsHead && form.DepartmentId is not null,
        });
        var errors = await SaveAsync(ct);
        if (errors.Count == 0)
        {
            await transaction.CommitAsync(ct);
            logger.LogInformation("Staff account {UserName} created with role {Role}", form.UserName, form.Role);
        }

        return errors;
    }

    public async Task<IReadOnlyList<FormError>> UpdateStaffAsync(EditStaffForm form, CancellationToken ct)
    {
        var staff = await FindForEditAsync<StaffMember>(form.Id, form.Version, ct);
        form.Role = staff.Role;
        var placementErrors = await CheckPlacementAsync(form, ct);
        if (placementErrors.Count > 0)
        {
            return placementErrors;
        }

        staff.Name = form.Name.Trim();
        staff.Title = form.Title.Trim();
        staff.OfficePhone = form.OfficePhone.Trim();
        staff.HallId = form.HallId;
        staff.DepartmentId = form.DepartmentId;
        staff.RegionId = form.RegionId;
        staff.IsHead = form.IsHead && form.DepartmentId is not null;
        return await SaveAsync(ct);
    }

    private async Task<List<FormError>> CheckPlacementAsync(IStaffPlacement form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        if (form.HallId is { } hallId && !await db.Set<ServiceHall>().AnyAsync(h => h.Id == hallId, ct))
        {
            errors.Add(new(nameof(form.HallId), l["Common.Required"]));
        }

        if (form.DepartmentId is { } departmentId && !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add(new(nameof(form.DepartmentId), l["Common.Required"]));
        }

        if (form.RegionId is { } regionId && !await db.Set<Region>().AnyAsync(r => r.Id == regionId, ct))
        {
            errors.Add(new(nameof(form.RegionId), l["Common.Required"]));
        }

        if (form.Role == Roles.Admin && (form.HallId ?? form.DepartmentId ?? form.RegionId) is not null)
        {
            // An administrator works platform-wide; a scope would suggest a limit that does not exist.
            errors.Add(new(nameof(form.Role), l["Staff.Admin.NoScope"]));
        }

        return errors;
    }

    /// <summary>Loads an entity and sets the version the editor saw, so a concurrent edit is refused.</summary>
    private async Task<T> FindForEditAsync<T>(Guid id, uint version, CancellationToken ct)
        where T : class
    {
        var entity = await db.Set<T>().FindAsync([id], ct) ?? throw new KeyNotFoundException($"No {typeof(T).Name} {id}.");
        db.Entry(entity).Property("Version").OriginalValue = version;
        return entity;
    }

    private async Task<IReadOnlyList<FormError>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new(string.Empty, l["Common.ConcurrentEdit"])];
        }
    }
}
