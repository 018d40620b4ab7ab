namespace GovService.Web.Shared.Web;

/// <summary>
/// Page numbers as every paged list takes them: from 1 to <see cref="MaxPage"/>. A page past the last shows an empty
/// page; a number past <see cref="MaxPage"/> (2147483647 typed into the address) would overflow the offset
/// (page − 1) × size into a negative one, which the database refuses with a 500.
/// </summary>
public static class Paging
{
    /// <summary>With at most 100 rows a page, ten million rows: far more than any list of the county holds.</summary>
    public const int MaxPage = 100_000;

    public static int Clamp(int page) => Math.Clamp(page, 1, MaxPage);

    /// <summary>The rows before the page (<paramref name="page"/> clamped first).</summary>
    public static int Offset(int page, int pageSize) => (Clamp(page) - 1) * pageSize;
}
