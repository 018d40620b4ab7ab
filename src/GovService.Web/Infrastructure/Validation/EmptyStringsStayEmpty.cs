using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace GovService.Web.Infrastructure.Validation;

/// <summary>
/// A blank text box binds as "" rather than null. Validation is FluentValidation's job (with localised
/// messages); MVC's implicit "required" for non-nullable strings is switched off in Program, and this
/// keeps non-nullable string properties from receiving null.
/// </summary>
internal sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
