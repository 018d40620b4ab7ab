using GovService.Web.Modules.Certificates.Domain;

namespace GovService.UnitTests.Certificates;

/// <summary>食品经营许可证编号: JY + 主体业态 + county + serial + ISO 7064 MOD 11,10 check digit.</summary>
public sealed class FoodBusinessLicenceNumberTests
{
    [Fact]
    public void The_number_is_JY_the_business_format_the_county_the_serial_and_its_check_digit()
    {
        var number = FoodBusinessLicenceNumber.Compose(2, "361131", 12);

        Assert.Equal("JY23611310000126", number);
        Assert.Equal(16, number.Length);
        Assert.True(FoodBusinessLicenceNumber.IsValid(number));
    }

    [Theory]
    [InlineData("食品销售经营者", 1)]
    [InlineData("食品销售经营者（网络经营）", 1)]
    [InlineData("餐饮服务经营者", 2)]
    [InlineData("餐饮服务经营者（中央厨房）", 2)]
    [InlineData("餐饮服务经营者（集体用餐配送单位）", 2)]
    [InlineData("单位食堂", 3)]
    public void The_first_digit_is_the_business_format(string businessFormat, int code)
    {
        Assert.Equal(code, FoodBusinessLicenceNumber.FormatCode(businessFormat));
        Assert.Equal((char)('0' + code), FoodBusinessLicenceNumber.Compose(code, "361131", 1)[2]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("食品生产者")]
    public void An_answer_naming_no_business_format_has_no_code(string? businessFormat) => Assert.Null(FoodBusinessLicenceNumber.FormatCode(businessFormat));

    [Fact]
    public void The_check_digit_is_iso_7064_mod_11_10()
    {
        // A published MOD 11,10 example (the Croatian OIB 33392005961 uses the same system): 3339200596 → 1.
        Assert.Equal('1', FoodBusinessLicenceNumber.CheckDigit("3339200596"));
        Assert.Equal('0', FoodBusinessLicenceNumber.CheckDigit("3361131000001"));
    }

    [Fact]
    public void Any_single_changed_digit_is_caught()
    {
        var number = FoodBusinessLicenceNumber.Compose(1, "361131", 4567);
        for (var i = 2; i < number.Length; i++)
        {
            foreach (var digit in "0123456789".Where(d => d != number[i]))
            {
                Assert.False(FoodBusinessLicenceNumber.IsValid(string.Concat(number.AsSpan(0, i), digit.ToString(), number.AsSpan(i + 1))), $"{number} with {digit} at {i}");
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("JY2361131000012")]
    [InlineData("JY236113100001260")]
    [InlineData("SC23611310000126")]
    [InlineData("JY43611310000126")]
    [InlineData("JY2361131000012X")]
    public void Malformed_numbers_are_not_valid(string? number) => Assert.False(FoodBusinessLicenceNumber.IsValid(number));

    [Theory]
    [InlineData(0, "361131", 1)]
    [InlineData(4, "361131", 1)]
    [InlineData(1, "36113", 1)]
    [InlineData(1, "361131", 0)]
    [InlineData(1, "361131", 1_000_000)]
    public void A_number_outside_the_format_is_not_made(int code, string county, int serial) =>
        Assert.ThrowsAny<ArgumentException>(() => FoodBusinessLicenceNumber.Compose(code, county, serial));
}
