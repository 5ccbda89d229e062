using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

public class PermitNumberTests
{
    [Fact]
    public void Valid_permit_number_passes_check()
    {
        var check = PermitNumber.Check("91130200699229617X001P");

        Assert.True(check.Ok);
        Assert.Null(check.Problem);
        Assert.False(check.HasWarning);
        Assert.Equal(CreditCodeStatus.Valid, check.CreditCodeStatus);
    }

    [Fact]
    public void Letter_other_than_P_is_accepted()
    {
        Assert.True(PermitNumber.Check("91130200699229617X002Q").Ok);
    }

    [Fact]
    public void Embedded_code_with_wrong_check_character_is_ok_with_a_warning()
    {
        var check = PermitNumber.Check("91350100M000100Y4Z001P");

        Assert.True(check.Ok);
        Assert.True(check.HasWarning);
        Assert.Equal(CreditCodeStatus.WrongCheckCharacter, check.CreditCodeStatus);
        Assert.Equal('3', check.CreditCode.ExpectedCheckCharacter);
    }

    [Fact]
    public void Embedded_code_with_a_wrong_organisation_check_character_is_ok_with_a_warning()
    {
        var check = PermitNumber.Check("91110000600037342P001P");

        Assert.True(check.Ok);
        Assert.True(check.HasWarning);
        Assert.Equal(CreditCodeStatus.Valid, check.CreditCodeStatus);
        Assert.Equal('1', check.CreditCode.ExpectedOrganisationCheckCharacter);
    }

    [Fact]
    public void Embedded_code_of_an_unknown_registering_authority_is_ok_with_a_warning()
    {
        var check = PermitNumber.Check("B1110000600037341J001P");

        Assert.True(check.Ok);
        Assert.True(check.HasWarning);
        Assert.False(check.CreditCode.HasKnownRegistration);
    }

    [Fact]
    public void Content_format_example_permit_is_ok_with_a_warning()
    {
        var check = PermitNumber.Check("91370000000000000X001P");

        Assert.True(check.Ok);
        Assert.Equal(CreditCodeStatus.WrongCheckCharacter, check.CreditCodeStatus);
        Assert.Equal('L', check.CreditCode.ExpectedCheckCharacter);
    }

    [Fact]
    public void Malformed_embedded_code_makes_the_permit_malformed()
    {
        var check = PermitNumber.Check("91130200I99229617X001P");

        Assert.False(check.Ok);
        Assert.Equal(CreditCodeStatus.Malformed, check.CreditCodeStatus);
        Assert.Contains("position 9", check.Problem);
    }

    [Theory]
    [InlineData("91130200699229617X001")]
    [InlineData("91130200699229617X0001P")]
    [InlineData("91130200699229617X")]
    [InlineData("91130200")]
    [InlineData("")]
    public void Permit_of_wrong_length_is_malformed(string number)
    {
        var check = PermitNumber.Check(number);

        Assert.False(check.Ok);
        Assert.NotNull(check.Problem);
        Assert.Equal(CreditCodeStatus.Malformed, check.CreditCodeStatus);
    }

    [Theory]
    [InlineData("91130200699229617XA01P", 19)]
    [InlineData("91130200699229617X0O1P", 20)]
    [InlineData("91130200699229617X00-P", 21)]
    public void Non_digit_in_the_site_sequence_is_malformed(string number, int position)
    {
        var check = PermitNumber.Check(number);

        Assert.False(check.Ok);
        Assert.Contains($"position {position} ", check.Problem);
    }

    [Theory]
    [InlineData("91130200699229617X0011")]
    [InlineData("91130200699229617X001-")]
    public void Non_letter_at_the_end_is_malformed(string number)
    {
        var check = PermitNumber.Check(number);

        Assert.False(check.Ok);
        Assert.Contains("position 22", check.Problem);
    }

    [Fact]
    public void Lowercase_final_letter_is_malformed_and_asks_for_capital_letters()
    {
        var check = PermitNumber.Check("91130200699229617X001p");

        Assert.False(check.Ok);
        Assert.Contains("use capital letters", check.Problem);
    }

    [Fact]
    public void Permit_with_a_space_is_malformed()
    {
        Assert.False(PermitNumber.Check("91130200699229617X 001P").Ok);
    }
}
