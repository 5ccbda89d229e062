using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

public class OutletCodeTests
{
    [Theory]
    [InlineData("DA001", OutletMedium.Air)]
    [InlineData("DA999", OutletMedium.Air)]
    [InlineData("DW001", OutletMedium.Water)]
    [InlineData("DW120", OutletMedium.Water)]
    public void Valid_outlet_code_gives_its_medium(string code, object medium)
    {
        var check = OutletCode.Check(code);

        Assert.True(check.Ok);
        Assert.Equal(medium, check.Medium);
        Assert.Null(check.Problem);
    }

    [Theory]
    [InlineData("DX001")]
    [InlineData("WA001")]
    [InlineData("DS001")]
    [InlineData("00001")]
    public void Unknown_prefix_is_malformed(string code)
    {
        var check = OutletCode.Check(code);

        Assert.False(check.Ok);
        Assert.Null(check.Medium);
        Assert.NotNull(check.Problem);
    }

    [Theory]
    [InlineData("da001")]
    [InlineData("Dw001")]
    public void Lowercase_prefix_is_malformed_and_asks_for_capital_letters(string code)
    {
        var check = OutletCode.Check(code);

        Assert.False(check.Ok);
        Assert.Contains("use capital letters", check.Problem);
    }

    [Theory]
    [InlineData("DW01")]
    [InlineData("DW0001")]
    [InlineData("DW")]
    [InlineData("")]
    public void Outlet_code_of_wrong_length_is_malformed(string code)
    {
        Assert.False(OutletCode.Check(code).Ok);
    }

    [Theory]
    [InlineData("DW0A1")]
    [InlineData("DA-01")]
    [InlineData("DW００1")]
    public void Non_digit_sequence_is_malformed(string code)
    {
        Assert.False(OutletCode.Check(code).Ok);
    }

    [Fact]
    public void Outlet_code_with_a_space_is_malformed()
    {
        var check = OutletCode.Check("DW 001");

        Assert.False(check.Ok);
        Assert.Contains("remove spaces", check.Problem);
    }
}
