using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>
/// A new item with its first draft: the implementing department's credit code, the level and the basic code make the
/// implementation code; the draft starts with the department's name, code and phone.
/// </summary>
public sealed class CreateItem(GovDbContext db, CatalogEditor editor, IOrganizationDirectory organization, IStringLocalizer<SharedResource> l)
{
    /// <summary>The new item's basic code, or the problems next to their fields (nothing created).</summary>
    public async Task<(string? Code, IReadOnlyList<(string Field, string Message)> Errors)> RunAsync(NewItemForm form, bool fieldsValid, string user, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var body = (await organization.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == form.DepartmentId);
        if (body is null)
        {
            errors.Add((nameof(form.DepartmentId), l["Common.Required"]));
        }

        if (await db.Set<ServiceItem>().AnyAsync(i => i.BasicCode == form.BasicCode, ct))
        {
            errors.Add((nameof(form.BasicCode), l["Admin.BasicCode.Taken"]));
        }

        if (errors.Count > 0 || !fieldsValid)
        {
            return (null, errors);
        }

        var item = editor.CreateItem(form.BasicCode, ServiceItem.ComposeImplementationCode(body!.CreditCode, form.Level, form.BasicCode), body.Id, user);
        var draft = item.Versions[0];
        draft.Name = form.Name.Trim();
        draft.Level = form.Level;
        draft.ImplementingBodyName = body.Name;
        draft.ImplementingBodyCode = body.CreditCode;
        draft.ConsultPhone = body.Phone;
        draft.BusinessCode = item.ImplementationCode + "01";
        draft.RefreshSearchText(item.BasicCode, item.ImplementationCode);
        await db.SaveChangesAsync(ct);
        return (item.BasicCode, []);
    }
}
