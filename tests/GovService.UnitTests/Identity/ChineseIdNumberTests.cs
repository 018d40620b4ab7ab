using GovService.Web.Shared.Identity;

namespace GovService.UnitTests.Identity;

public sealed class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("361131198506120026")]
    [InlineData("361131199003150041")]
    [InlineData("11010519491231002X")]
    public void A_number_with_the_right_check_character_is_valid(string id) =>
        Assert.Equal(IdNumberProblem.None, ChineseIdNumber.Check(id, Today));

    [Fact]
    public void A_lower_case_x_is_the_same_check_character() =>
        Assert.Equal(IdNumberProblem.None, ChineseIdNumber.Check("11010519491231002x", Today));

    [Theory]
    [InlineData("361131198506120027")]
    [InlineData("361131198506120020")]
    [InlineData("110105194912310021")]
    public void A_wrong_check_character_is_refused(string id) =>
        Assert.Equal(IdNumberProblem.CheckCharacter, ChineseIdNumber.Check(id, Today));

    [Theory]
    [InlineData("36113119850230002")] // 17 digits: too short
    [InlineData("3611311985061200261")]
    [InlineData("36113119850612002A")]
    [InlineData("3611311985061200 6")]
    public void A_malformed_number_is_a_format_problem(string id) =>
        Assert.Equal(IdNumberProblem.Format, ChineseIdNumber.Check(id, Today));

    [Fact]
    public void An_empty_number_is_reported_as_empty() =>
        Assert.Equal(IdNumberProblem.Empty, ChineseIdNumber.Check("  ", Today));

    [Theory]
    [InlineData("36113119850230")] // 30 February
    [InlineData("36113118990101")] // before 1900
    [InlineData("36113120270101")] // born after today
    [InlineData("36113119851301")] // month 13
    public void An_impossible_birth_date_is_refused_even_with_a_matching_check_character(string first14)
    {
        var first17 = first14 + "002";
        var id = first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
        Assert.Equal(IdNumberProblem.BirthDate, ChineseIdNumber.Check(id, Today));
    }

    [Fact]
    public void An_address_code_starting_with_zero_is_refused()
    {
        const string first17 = "06113119850612002";
        Assert.Equal(IdNumberProblem.Region, ChineseIdNumber.Check(first17 + ChineseIdNumber.ComputeCheckCharacter(first17), Today));
    }

    [Fact]
    public void Masking_keeps_the_first_six_and_last_four_characters() =>
        Assert.Equal("361131********0026", ChineseIdNumber.Mask("361131198506120026"));

    [Fact]
    public void The_birth_date_is_read_from_characters_seven_to_fourteen() =>
        Assert.Equal(new DateOnly(1985, 6, 12), ChineseIdNumber.BirthDate("361131198506120026"));
}
