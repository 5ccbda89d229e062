using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

public class WasteCodeTests
{
    [Fact]
    public void Hazardous_code_is_classified_with_its_class()
    {
        var result = WasteCode.Classify("900-249-08");

        Assert.Equal(WasteCodeKind.Hazardous, result.Kind);
        Assert.Equal(8, result.HazardousClass);
        Assert.Null(result.SolidWasteCategory);
        Assert.Equal("900-249-08", result.Canonical);
        Assert.Null(result.Problem);
        Assert.False(result.WithoutDashes);
    }

    [Fact]
    public void Hazardous_code_as_the_list_prints_it_is_classified_and_normalised()
    {
        var result = WasteCode.Classify("90024908");

        Assert.Equal(WasteCodeKind.Hazardous, result.Kind);
        Assert.Equal(8, result.HazardousClass);
        Assert.Equal("900-249-08", result.Canonical);
        Assert.True(result.WithoutDashes);
    }

    [Fact]
    public void Both_forms_of_a_hazardous_code_compare_equal()
    {
        Assert.Equal(WasteCode.Classify("900-249-08").Canonical, WasteCode.Classify("90024908").Canonical);
    }

    [Theory]
    [InlineData("900-249-08", true)]
    [InlineData("90024908", true)]
    [InlineData("311-001-S01", false)]
    [InlineData("311001S01", false)]
    [InlineData(null, null)]
    [InlineData("HW08", null)]
    [InlineData("900-249-42", null)]
    public void Hazardous_is_true_false_or_unknown(string? code, bool? hazardous)
    {
        Assert.Equal(hazardous, WasteCode.IsHazardous(code));
    }

    [Theory]
    [InlineData("311-001-S01")]
    [InlineData("311001S01")]
    public void General_solid_waste_code_is_classified_in_either_form(string code)
    {
        var result = WasteCode.Classify(code);

        Assert.Equal(WasteCodeKind.GeneralSolid, result.Kind);
        Assert.Null(result.HazardousClass);
        Assert.Equal(SolidWasteCategory.Industrial, result.SolidWasteCategory);
        Assert.Equal("311-001-S01", result.Canonical);
        Assert.Null(result.Problem);
        Assert.False(result.WithoutDashes);
    }

    [Fact]
    public void Both_forms_of_a_general_solid_waste_code_compare_equal()
    {
        Assert.Equal(WasteCode.Classify("311001S01").Canonical, WasteCode.Classify("311-001-S01").Canonical);
    }

    [Theory]
    [InlineData("900-249-43", "HW43")]
    [InlineData("900-249-41", "HW41")]
    [InlineData("900-249-51", "HW51")]
    [InlineData("900-249-00", "HW00")]
    public void Hazardous_shape_with_a_class_the_list_does_not_have_is_invalid_and_names_the_class(string code, string label)
    {
        var result = WasteCode.Classify(code);

        Assert.Equal(WasteCodeKind.Invalid, result.Kind);
        Assert.Null(result.HazardousClass);
        Assert.Null(result.Canonical);
        Assert.Contains(label, result.Problem);
    }

    [Fact]
    public void General_solid_waste_code_of_category_S08_is_invalid()
    {
        var result = WasteCode.Classify("900-001-S08");

        Assert.Equal(WasteCodeKind.Invalid, result.Kind);
        Assert.Contains("S08", result.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("waste oil")]
    [InlineData("900-249")]
    [InlineData("HW08")]
    [InlineData("hw08")]
    [InlineData("900-001-s01")]
    [InlineData("9002490")]
    public void Code_of_neither_shape_is_invalid_with_a_problem(string code)
    {
        var result = WasteCode.Classify(code);

        Assert.Equal(WasteCodeKind.Invalid, result.Kind);
        Assert.False(string.IsNullOrEmpty(result.Problem));
    }

    [Fact]
    public void Class_label_instead_of_a_code_is_explained()
    {
        Assert.Contains("NNN-NNN-NN", WasteCode.Classify("HW08").Problem);
    }
}
