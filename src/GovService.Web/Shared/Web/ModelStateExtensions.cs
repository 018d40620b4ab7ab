using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GovService.Web.Shared.Web;

public static class ModelStateExtensions
{
    /// <summary>Puts each (field, message) next to its field; an empty field name is a form-wide message.</summary>
    public static bool AddErrors(this ModelStateDictionary modelState, IEnumerable<(string Field, string Message)> errors)
    {
        var any = false;
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field, message);
            any = true;
        }

        return any;
    }
}
