namespace GovService.Web.Shared.Identity;

/// <summary>Names shown to the public: 张伟 → 张*, 欧阳小明 → 欧**明, 云溪县桃源餐饮店 → 云溪*****饮店.</summary>
public static class NameMask
{
    public static string Mask(string? name, bool organisation)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        if (organisation)
        {
            return name.Length <= 4 ? name[0] + new string('*', name.Length - 1) : string.Concat(name.AsSpan(0, 2), new string('*', name.Length - 4), name.AsSpan(name.Length - 2));
        }

        return name.Length <= 2 ? name[0] + new string('*', name.Length - 1) : name[0] + new string('*', name.Length - 2) + name[^1];
    }
}
