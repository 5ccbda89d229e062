using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

public class SolidWasteCodeTests
{
    [Theory]
    [InlineData("311-001-S01")]
    [InlineData("311001S01")]
    public void Code_with_or_without_dashes_is_valid(string code)
    {
        var check = SolidWasteCode.Check(code);

        Assert.Equal(SolidWasteCodeStatus.Valid, check.Status);
        Assert.Equal(1, check.CategoryNumber);
        Assert.Equal(SolidWasteCategory.Industrial, check.Category);
        Assert.Equal("311-001-S01", check.Canonical);
        Assert.Null(check.Problem);
    }

    [Theory]
    [InlineData("S01", SolidWasteCategory.Industrial)]
    [InlineData("S07", SolidWasteCategory.Industrial)]
    [InlineData("S09", SolidWasteCategory.Industrial)]
    [InlineData("S59", SolidWasteCategory.Industrial)]
    [InlineData("S60", SolidWasteCategory.Household)]
    [InlineData("S69", SolidWasteCategory.Household)]
    [InlineData("S70", SolidWasteCategory.Construction)]
    [InlineData("S79", SolidWasteCategory.Construction)]
    [InlineData("S80", SolidWasteCategory.Agricultural)]
    [InlineData("S89", SolidWasteCategory.Agricultural)]
    [InlineData("S90", SolidWasteCategory.Other)]
    [InlineData("S99", SolidWasteCategory.Other)]
    public void Category_follows_the_S_number(string suffix, object category)
    {
        var check = SolidWasteCode.Check("900-001-" + suffix);

        Assert.Equal(SolidWasteCodeStatus.Valid, check.Status);
        Assert.Equal(category, check.Category);
    }

    [Theory]
    [InlineData("900-001-S08", 8)]
    [InlineData("900001S08", 8)]
    [InlineData("900-001-S00", 0)]
    public void S08_and_S00_are_unknown_categories(string code, int categoryNumber)
    {
        var check = SolidWasteCode.Check(code);

        Assert.Equal(SolidWasteCodeStatus.UnknownCategory, check.Status);
        Assert.Equal(categoryNumber, check.CategoryNumber);
        Assert.Null(check.Category);
        Assert.Null(check.Canonical);
        Assert.Contains($"S{categoryNumber:D2}", check.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("900-001-S1")]
    [InlineData("900-001S01")]
    [InlineData("900001-S01")]
    [InlineData("900-001-X01")]
    [InlineData("900-001-801")]
    [InlineData("9A0-001-S01")]
    [InlineData("900001SA1")]
    [InlineData("900-249-08")]
    [InlineData("900 001 S01")]
    [InlineData("SW01")]
    public void Code_of_the_wrong_shape_is_malformed(string code)
    {
        var check = SolidWasteCode.Check(code);

        Assert.Equal(SolidWasteCodeStatus.Malformed, check.Status);
        Assert.Null(check.CategoryNumber);
        Assert.NotNull(check.Problem);
    }

    [Fact]
    public void Lowercase_s_is_malformed_and_asks_for_capital_letters()
    {
        var check = SolidWasteCode.Check("900-001-s01");

        Assert.Equal(SolidWasteCodeStatus.Malformed, check.Status);
        Assert.Contains("use capital letters", check.Problem);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(8, null)]
    [InlineData(100, null)]
    [InlineData(-1, null)]
    [InlineData(1, SolidWasteCategory.Industrial)]
    [InlineData(65, SolidWasteCategory.Household)]
    public void Category_of_a_number(int categoryNumber, object? category)
    {
        Assert.Equal(category, SolidWasteCode.CategoryOf(categoryNumber));
    }

    [Theory]
    [InlineData("900-001-S08", true)]
    [InlineData("900001S17", true)]
    [InlineData("900-249-08", false)]
    public void Solid_waste_shape_is_recognised_whatever_the_category(string code, bool looksLikeSolidWaste)
    {
        Assert.Equal(looksLikeSolidWaste, SolidWasteCode.LooksLikeSolidWaste(code));
    }
}
