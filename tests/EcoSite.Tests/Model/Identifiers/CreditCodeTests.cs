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

    // Codes python-stdnum's tests (tests/test_cn_uscc.doctest) list as found online and valid, one per registering
    // authority and type they cover: 12 事业单位, 91 企业, 92 个体工商户; with letters, an X organisation check
    // character, and organisation codes assigned after 2015 (MA...).
    [Theory]
    [InlineData("121200004013590816", '1', '2')]
    [InlineData("91110000600037341L", '9', '1')]
    [InlineData("9115220107837757XE", '9', '1')]
    [InlineData("91620105L015101280", '9', '1')]
    [InlineData("91340600MA2PBM9HXD", '9', '1')]
    [InlineData("92340602MA2PBMEM24", '9', '2')]
    [InlineData("92340621MA2PBKRXXG", '9', '2')]
    public void Published_valid_code_passes_every_check(string code, char authority, char type)
    {
        var check = CreditCode.Check(code);

        Assert.True(check.IsValid);
        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.Null(check.ExpectedOrganisationCheckCharacter);
        Assert.Equal(authority, check.Registration!.Authority);
        Assert.Equal(type, check.Registration.Type);
    }

    [Theory]
    [InlineData('1', '1', "机构编制", "机关")]
    [InlineData('1', '3', "机构编制", "中央编办直接管理机构编制的群众团体")]
    [InlineData('1', '9', "机构编制", "其他")]
    [InlineData('2', '1', "外交", "外国常驻新闻机构")]
    [InlineData('3', '5', "司法行政", "仲裁委员会")]
    [InlineData('4', '9', "文化", "其他")]
    [InlineData('5', '1', "民政", "社会团体")]
    [InlineData('5', '3', "民政", "基金会")]
    [InlineData('6', '2', "旅游", "港澳台地区旅游部门常驻内地（大陆）代表机构")]
    [InlineData('7', '2', "宗教", "宗教院校")]
    [InlineData('8', '1', "工会", "基层工会")]
    [InlineData('9', '1', "工商", "企业")]
    [InlineData('9', '2', "工商", "个体工商户")]
    [InlineData('9', '3', "工商", "农民专业合作社")]
    [InlineData('A', '1', "中央军委改革和编制办公室", "军队事业单位")]
    [InlineData('N', '3', "农业", "乡镇级集体经济组织")]
    [InlineData('Y', '1', "其他", "其他")]
    public void Registering_authority_and_type_of_the_table_are_known(char authority, char type, string authorityName, string typeName)
    {
        var registration = CreditCode.FindRegistration(authority, type);

        Assert.Equal(new CreditCodeRegistration(authority, authorityName, type, typeName), registration);
    }

    [Theory]
    [InlineData('9', '4')]
    [InlineData('9', '9')]
    [InlineData('1', '4')]
    [InlineData('2', '2')]
    [InlineData('Y', '2')]
    [InlineData('Y', '9')]
    [InlineData('B', '1')]
    [InlineData('0', '0')]
    [InlineData('C', '1')]
    [InlineData('1', 'A')]
    public void Pair_the_table_does_not_have_is_unknown(char authority, char type)
    {
        Assert.Null(CreditCode.FindRegistration(authority, type));
    }

    [Fact]
    public void Code_of_an_unknown_authority_is_well_formed_but_not_valid()
    {
        // B1 with a check character that fits: only the registration fails.
        var check = CreditCode.Check("B1110000600037341J");

        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.False(check.HasKnownRegistration);
        Assert.Null(check.ExpectedOrganisationCheckCharacter);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void Unknown_authority_is_described_by_the_list_of_authorities()
    {
        Assert.Contains("9 工商", CreditCode.DescribeRegistrations('B'));
        Assert.Equal("9 工商: 1 企业, 2 个体工商户, 3 农民专业合作社", CreditCode.DescribeRegistrations('9'));
    }

    // GB 11714-1997 vectors: D2143569-X and MA1FL0LY-9 (wenerme/go-gb gb11714/sum_test.go), 59467239-9 (the worked
    // example of an open validator), the organisation codes of 91110000600037341L and of the Fujian pilot code
    // 91350100M0001TGQXM; 00000000 makes 11, written 0.
    [Theory]
    [InlineData("D2143569", 'X')]
    [InlineData("59467239", '9')]
    [InlineData("MA1FL0LY", '9')]
    [InlineData("60003734", '1')]
    [InlineData("M0001TGQ", 'X')]
    [InlineData("00000000", '0')]
    public void Organisation_check_character_follows_GB_11714(string body, char expected)
    {
        Assert.Equal(expected, CreditCode.OrganisationCheckCharacter(body));
    }

    [Fact]
    public void Organisation_code_with_a_wrong_check_character_is_reported_with_the_expected_one()
    {
        // 91110000600037341L with position 17 changed to 2 and position 18 recomputed: only GB 11714 fails.
        var check = CreditCode.Check("91110000600037342P");

        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.True(check.HasKnownRegistration);
        Assert.Equal('1', check.ExpectedOrganisationCheckCharacter);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void The_old_sample_codes_fail_the_organisation_check()
    {
        // EcoSite's sample used 91999001MA7QH00016 before GB 11714 was checked: MA7QH000 calls for 6, not 1.
        Assert.Equal('6', CreditCode.Check("91999001MA7QH00016").ExpectedOrganisationCheckCharacter);
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
        Assert.True(check.HasKnownRegistration);
        Assert.Null(check.ExpectedOrganisationCheckCharacter);
    }

    [Fact]
    public void Check_value_of_31_becomes_character_0()
    {
        // Positions 1-17 chosen so that the weighted sum is a multiple of 31; 00 is no registering authority.
        var check = CreditCode.Check("000000000000000000");

        Assert.Equal(CreditCodeStatus.Valid, check.Status);
        Assert.False(check.HasKnownRegistration);
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
