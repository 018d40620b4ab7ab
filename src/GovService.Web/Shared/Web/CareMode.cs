namespace GovService.Web.Shared.Web;

/// <summary>
/// 关怀模式 (care mode: larger type, more contrast, for elderly users), remembered in a cookie for a year. Portal-wide:
/// the layout renders it, the public page cache keeps one copy of a page per mode, the portal module switches it.
/// </summary>
public static class CareMode
{
    public const string Cookie = "gov.care";
}
