using EcoSite.Core.Model.Identifiers;

namespace EcoSite.Tests.Model.Identifiers;

public class HazardousWasteCodeTests
{
    [Fact]
    public void Waste_mineral_oil_code_is_valid_class_HW08()
    {
        var check = HazardousWasteCode.Check("900-249-08");

        Assert.Equal(HazardousWasteCodeStatus.Valid, check.Status);
        Assert.Equal(8, check.ClassNumber);
        Assert.Null(check.Problem);
        Assert.Equal("900-249-08", check.Canonical);
        Assert.False(check.WithoutDashes);
        Assert.Equal("HW08", HazardousWasteCode.ClassLabel(8));
        Assert.Equal("废矿物油与含矿物油废物", HazardousWasteCode.ClassName(8));
    }

    [Fact]
    public void Other_waste_code_is_valid_class_HW49()
    {
        var check = HazardousWasteCode.Check("900-041-49");

        Assert.Equal(HazardousWasteCodeStatus.Valid, check.Status);
        Assert.Equal(49, check.ClassNumber);
        Assert.Equal("其他废物", HazardousWasteCode.ClassName(49));
    }

    [Theory]
    [InlineData("900-000-01", 1)]
    [InlineData("900-000-40", 40)]
    [InlineData("900-000-45", 45)]
    [InlineData("900-000-50", 50)]
    public void Codes_at_the_edges_of_the_class_ranges_are_valid(string code, int classNumber)
    {
        var check = HazardousWasteCode.Check(code);

        Assert.Equal(HazardousWasteCodeStatus.Valid, check.Status);
        Assert.Equal(classNumber, check.ClassNumber);
    }

    [Theory]
    [InlineData("900-249-41", 41)]
    [InlineData("900-249-42", 42)]
    [InlineData("900-249-43", 43)]
    [InlineData("900-249-44", 44)]
    [InlineData("900-249-51", 51)]
    [InlineData("900-249-99", 99)]
    [InlineData("900-249-00", 0)]
    public void Code_of_a_class_the_list_does_not_have_is_unknown_class(string code, int classNumber)
    {
        var check = HazardousWasteCode.Check(code);

        Assert.Equal(HazardousWasteCodeStatus.UnknownClass, check.Status);
        Assert.Equal(classNumber, check.ClassNumber);
        Assert.Contains(HazardousWasteCode.ClassLabel(classNumber), check.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("900-249-8")]
    [InlineData("900-249-008")]
    [InlineData("900249-08")]
    [InlineData("9002490")]
    [InlineData("900249080")]
    [InlineData("9002490A")]
    [InlineData("9OO24908")]
    [InlineData("900_249_08")]
    [InlineData("900–249–08")]
    [InlineData("900－249－08")]
    [InlineData("9A0-249-08")]
    [InlineData("900-249-S08")]
    [InlineData("HW08")]
    [InlineData("900-249-08 ")]
    public void Code_of_the_wrong_shape_is_malformed(string code)
    {
        var check = HazardousWasteCode.Check(code);

        Assert.Equal(HazardousWasteCodeStatus.Malformed, check.Status);
        Assert.Null(check.ClassNumber);
        Assert.NotNull(check.Problem);
    }

    // 国家危险废物名录 (2025) prints each code as 8 digits (废物代码: industry 1-3, sequence 4-6, class 7-8).
    [Theory]
    [InlineData("90024908", "900-249-08", 8)]
    [InlineData("90004149", "900-041-49", 49)]
    [InlineData("26105734", "261-057-34", 34)]
    public void Printed_eight_digit_form_is_valid_and_normalised_with_dashes(string code, string canonical, int classNumber)
    {
        var check = HazardousWasteCode.Check(code);

        Assert.Equal(HazardousWasteCodeStatus.Valid, check.Status);
        Assert.Equal(classNumber, check.ClassNumber);
        Assert.Equal(canonical, check.Canonical);
        Assert.True(check.WithoutDashes);
    }

    [Fact]
    public void Printed_form_with_a_class_the_list_does_not_have_is_unknown_class()
    {
        var check = HazardousWasteCode.Check("90024942");

        Assert.Equal(HazardousWasteCodeStatus.UnknownClass, check.Status);
        Assert.Equal(42, check.ClassNumber);
        Assert.Null(check.Canonical);
        Assert.Contains("2025", check.Problem);
    }

    [Fact]
    public void List_has_46_classes_HW01_to_HW40_and_HW45_to_HW50()
    {
        int[] expected = [.. Enumerable.Range(1, 40), .. Enumerable.Range(45, 6)];

        Assert.Equal(expected, HazardousWasteCode.ClassNumbers);
        Assert.All(expected, n => Assert.False(string.IsNullOrEmpty(HazardousWasteCode.ClassName(n))));
        Assert.Equal(46, HazardousWasteCode.ClassNumbers.Select(HazardousWasteCode.ClassName).Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(41)]
    [InlineData(44)]
    [InlineData(51)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Class_the_list_does_not_have_has_no_name(int classNumber)
    {
        Assert.False(HazardousWasteCode.IsKnownClass(classNumber));
        Assert.Null(HazardousWasteCode.ClassName(classNumber));
    }

    [Theory]
    [InlineData(1, "医疗废物")]
    [InlineData(3, "废药物、药品")]
    [InlineData(9, "油/水、烃/水混合物或乳化液")]
    [InlineData(10, "多氯（溴）联苯类废物")]
    [InlineData(11, "精（蒸）馏残渣")]
    [InlineData(34, "废酸")]
    [InlineData(40, "含醚废物")]
    [InlineData(45, "含有机卤化物废物")]
    [InlineData(48, "有色金属采选和冶炼废物")]
    [InlineData(50, "废催化剂")]
    public void Class_names_follow_the_list_of_2021_kept_in_2025(int classNumber, string name)
    {
        Assert.Equal(name, HazardousWasteCode.ClassName(classNumber));
    }

    [Theory]
    [InlineData(1, "HW01")]
    [InlineData(50, "HW50")]
    [InlineData(43, "HW43")]
    public void Class_label_has_two_digits(int classNumber, string label)
    {
        Assert.Equal(label, HazardousWasteCode.ClassLabel(classNumber));
    }

    [Theory]
    [InlineData("900-249-08", true)]
    [InlineData("900-249-43", true)]
    [InlineData("90024908", true)]
    [InlineData("900-001-S17", false)]
    [InlineData("900001S17", false)]
    [InlineData("HW08", false)]
    [InlineData("", false)]
    public void Hazardous_shape_is_told_apart_from_a_general_solid_waste_code(string code, bool hazardous)
    {
        Assert.Equal(hazardous, HazardousWasteCode.LooksHazardous(code));
    }
}
