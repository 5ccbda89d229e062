using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("91130200699229617X")]
    public void Valid_code_passes_check(string code)
    {
        var check = CreditCode.Check(code);

        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.Null(check.ExpectedCheckCharacter);
        Assert.Null(check.Problem);
        Assert.True(check.IsWellFormed);
    }

    [Fact]
    public void Wrong_check_character_reports_the_expected_one()
    {
        var check = CreditCode.Check("91350100M000100Y4Z");

        Assert.Equal(CreditCodeStatus.WrongCheckCharacter, check.Status);
        Assert.Equal('3', check.ExpectedCheckCharacter);
        Assert.NotNull(check.Problem);
        Assert.True(check.IsWellFormed);
    }

    [Fact]
    public void Corrected_check_character_makes_the_code_valid()
    {
        Assert.Equal(CreditCodeStatus.Valid, CreditCode.Check("91350100M000100Y43").Status);
    }

    [Fact]
    public void Legally_issued_pilot_code_that_fails_the_check_is_not_malformed()
    {
        var check = CreditCode.Check("91350100M0001TGQXM");

        Assert.Equal(CreditCodeStatus.WrongCheckCharacter, check.Status);
        Assert.Equal('1', check.ExpectedCheckCharacter);
    }

    [Fact]
    public void Check_value_of_31_becomes_character_0()
    {
        // Positions 1-17 chosen so that the weighted sum is a multiple of 31.
        Assert.Equal(CreditCodeStatus.Valid, CreditCode.Check("000000000000000000").Status);
    }

    [Theory]
    [InlineData("9111000060003734L", 17)]
    [InlineData("91110000600037341LL", 19)]
    [InlineData("9", 1)]
    public void Code_of_wrong_length_is_malformed(string code, int length)
    {
        var check = CreditCode.Check(code);

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.Equal($"has {length} characters, needs 18", check.Problem);
        Assert.Null(check.ExpectedCheckCharacter);
    }

    [Fact]
    public void Empty_code_is_malformed()
    {
        Assert.Equal(CreditCodeStatus.Malformed, CreditCode.Check("").Status);
        Assert.Equal(CreditCodeStatus.Malformed, CreditCode.Check(null!).Status);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void Forbidden_letter_is_malformed(char letter)
    {
        var code = "91110000" + letter + "00037341L";

        var check = CreditCode.Check(code);

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.StartsWith($"character '{letter}' at position 9 is not allowed", check.Problem);
    }

    [Theory]
    [InlineData("91110000600037341Z")]
    [InlineData("91110000600037341I")]
    public void Letter_outside_the_set_in_the_check_position_is_a_wrong_check_character(string code)
    {
        var check = CreditCode.Check(code);

        Assert.Equal(CreditCodeStatus.WrongCheckCharacter, check.Status);
        Assert.Equal('L', check.ExpectedCheckCharacter);
    }

    [Theory]
    [InlineData("91110000600037341-")]
    [InlineData("91110000600037341Ｌ")]
    public void Non_alphanumeric_check_character_is_malformed(string code)
    {
        Assert.Equal(CreditCodeStatus.Malformed, CreditCode.Check(code).Status);
    }

    [Fact]
    public void Letter_in_the_division_code_is_malformed()
    {
        var check = CreditCode.Check("9111A000600037341L");

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.StartsWith("character 'A' at position 5 is not allowed", check.Problem);
    }

    [Fact]
    public void Lowercase_code_is_malformed_and_asks_for_capital_letters()
    {
        var check = CreditCode.Check("91110000600037341l");

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.Contains("use capital letters", check.Problem);
    }

    [Fact]
    public void Lowercase_forbidden_letter_is_not_told_to_use_capitals()
    {
        var check = CreditCode.Check("91110000i00037341L");

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.DoesNotContain("capital", check.Problem);
    }

    [Fact]
    public void Full_width_character_is_malformed()
    {
        var check = CreditCode.Check("９1110000600037341L");

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.Contains("half-width", check.Problem);
    }

    [Theory]
    [InlineData(" 91110000600037341L")]
    [InlineData("91110000600037341L ")]
    [InlineData("911100006000 37341L")]
    public void Code_with_spaces_is_malformed(string code)
    {
        var check = CreditCode.Check(code);

        Assert.Equal(CreditCodeStatus.Malformed, check.Status);
        Assert.Contains("remove spaces", check.Problem);
    }
}
