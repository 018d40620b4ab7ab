namespace GovService.Web.Shared.Identity;

/// <summary>12-digit 统一行政区划代码 (GB/T 2260 + 统计用区划代码): province 2, city 2, county 2, township 3, village 3.</summary>
public static class RegionCode
{
    public static bool IsValid(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit) && value[0] != '0';
}
