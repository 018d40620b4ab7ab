using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Staff;

/// <summary>A new member of staff: the login and the placement in one transaction, or neither.</summary>
public sealed class CreateStaff(GovDbContext db, IStaffAccounts accounts, IStringLocalizer<SharedResource> l, ILogger<CreateStaff> logger)
{
    public async Task<IReadOnlyList<FormError>> RunAsync(NewStaffForm form, CancellationToken ct)
    {
        var placementErrors = await db.CheckPlacementAsync(form, l, ct);
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
        var errors = await db.SaveEditsAsync(l, ct);
        if (errors.Count == 0)
        {
            await transaction.CommitAsync(ct);
            logger.LogInformation("Staff account {UserName} created with role {Role}", form.UserName, form.Role);
        }

        return errors;
    }
}
