using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Departments;

/// <summary>Creates or edits a department: its credit code is unique (kept in capitals) and its region exists.</summary>
public sealed class SaveDepartment(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<FormError>> RunAsync(DepartmentForm form, CancellationToken ct)
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

        var department = form.Id is { } id ? await db.FindForEditAsync<Department>(id, form.Version, ct) : db.Add(new Department()).Entity;
        department.Name = form.Name.Trim();
        department.ShortName = form.ShortName.Trim();
        department.CreditCode = code;
        department.RegionId = form.RegionId;
        department.Phone = form.Phone.Trim();
        department.Address = form.Address.Trim();
        return await db.SaveEditsAsync(l, ct);
    }
}
