using GovService.Web.Shared.Identity;

namespace GovService.UnitTests.Identity;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // published GB 32100 example (a company in 福州)
    [InlineData("11361131014253017A")]
    public void A_code_with_the_right_check_character_is_valid(string code) =>
        Assert.True(UnifiedSocialCreditCode.IsValid(code));

    [Fact]
    public void Changing_any_single_character_makes_the_code_invalid()
    {
        const string code = "91350100M000100Y43";
        for (var i = 0; i < code.Length; i++)
        {
            var replacement = code[i] == '1' ? '2' : '1';
            var changed = string.Concat(code.AsSpan(0, i), replacement.ToString(), code.AsSpan(i + 1));
            Assert.False(UnifiedSocialCreditCode.IsValid(changed), $"changing position {i + 1} went unnoticed");
        }
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("91350100O000100Y43")] // nor is O
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_length_or_letters_outside_the_alphabet_are_refused(string? code) =>
        Assert.False(UnifiedSocialCreditCode.IsValid(code));

    [Fact]
    public void Composing_a_code_gives_a_valid_code_with_a_valid_organisation_code()
    {
        var code = UnifiedSocialCreditCode.Compose('1', '1', "361131", "01425301");
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
        Assert.Equal("361131", code[2..8]);
        Assert.Equal(UnifiedSocialCreditCode.ComputeOrganisationCheck(code[8..16]), code[16]);
    }

    [Theory]
    [InlineData("D2143569", 'X')] // GB 11714 standard example: D2143569-X
    public void The_organisation_code_check_follows_GB_11714(string body, char expected) =>
        Assert.Equal(expected, UnifiedSocialCreditCode.ComputeOrganisationCheck(body));
}
