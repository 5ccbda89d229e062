using System.Text.RegularExpressions;
using CsCheck;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Content;

/// <summary>
/// Contact phones and e-mails become tel: and mailto: links through <see cref="UrlPolicy"/> (issue 13). The class of
/// hostile values: whatever an editor writes, the link is only ever "tel:" with digits, a leading '+' and '-', or
/// "mailto:" with one plain address; anything else stays plain text (null).
/// </summary>
public sealed partial class ContactLinkTests
{
    [GeneratedRegex(@"^tel:\+?[0-9]+(-[0-9]+)*$")]
    private static partial Regex TelShape();

    [GeneratedRegex(@"^mailto:[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex MailtoShape();

    [Theory]
    [InlineData("0000-0000000", "tel:0000-0000000")]
    [InlineData("+86 (0531) 1234-5678", "tel:+8605311234-5678")]
    [InlineData(" 010.1234.5678 ", "tel:01012345678")]
    [InlineData("12345", "tel:12345")]
    [InlineData("-0531--1234-", "tel:0531-1234")] // a dash only between digits, one at a time
    public void A_phone_number_as_editors_write_it_becomes_a_tel_link(string phone, string expected) =>
        Assert.Equal(expected, UrlPolicy.Tel(phone));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("tel:0000-0000000")]
    [InlineData("0000-0000000;phone-context=evil")]
    [InlineData("0000-0000000?body=x")]
    [InlineData("0000-0000000 / 1111-1111111")]
    [InlineData("0000\n0000000")]
    [InlineData("0000\t0000000")]
    [InlineData("０１２３４５")] // full-width digits: not ASCII digits
    [InlineData("12")]
    [InlineData("")]
    [InlineData("王工")]
    [InlineData("0531-1234567 转 8")]
    public void Anything_else_in_a_phone_field_stays_text(string phone) => Assert.Null(UrlPolicy.Tel(phone));

    [Theory]
    [InlineData("eco@example.gov.cn")]
    [InlineData("first.last+tag@sub-domain.example.com")]
    [InlineData("a@b.cn")]
    public void A_plain_address_becomes_a_mailto_link(string email) => Assert.Equal("mailto:" + email, UrlPolicy.Mailto(email));

    [Theory]
    [InlineData("javascript:alert(1)//@example.com")]
    [InlineData("mailto:a@example.com")]
    [InlineData("a@example.com?bcc=b@example.com")]
    [InlineData("a@example.com&body=x")]
    [InlineData("a@example.com,b@example.com")]
    [InlineData("a%40b@example.com")]
    [InlineData("a@example.com\r\nBcc: b@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("a@localhost")]
    [InlineData(".a@example.com")]
    [InlineData("a@-example.com")]
    [InlineData("a@example..com")]
    [InlineData("\"a\"@example.com")]
    [InlineData("a@example.com/x")]
    [InlineData("")]
    public void Anything_else_in_an_email_field_stays_text(string email) => Assert.Null(UrlPolicy.Mailto(email));

    [Fact]
    public void An_address_of_up_to_254_characters_becomes_a_link_and_a_longer_one_stays_text()
    {
        var longest = new string('a', 64) + "@" + new string('b', 62) + "." + new string('b', 62) + "." + new string('b', 61) + ".c";
        Assert.Equal(254, longest.Length);
        Assert.Equal("mailto:" + longest, UrlPolicy.Mailto(longest));
        Assert.Null(UrlPolicy.Mailto("a" + longest));
    }

    /// <summary>Strings made of the characters that matter (schemes, separators, controls, CJK, digits): never another shape.</summary>
    [Fact]
    public void No_value_makes_a_link_of_another_shape_or_scheme()
    {
        var alphabet = "0123456789+-.() @:/?&=;,%#\t\r\n\u0000\u200bjavscriptTELmailoXe中文１";
        Gen.Char[alphabet].Array[0, 30].Select(cs => new string(cs)).Sample(s =>
        {
            if (UrlPolicy.Tel(s) is { } tel)
            {
                Assert.Matches(TelShape(), tel);
                Assert.Equal((UrlKind.Allowed, "tel"), (UrlPolicy.Check(tel).Kind, UrlPolicy.Check(tel).Scheme));
            }
            if (UrlPolicy.Mailto(s) is { } mail)
            {
                Assert.Matches(MailtoShape(), mail);
                Assert.Equal((UrlKind.Allowed, "mailto"), (UrlPolicy.Check(mail).Kind, UrlPolicy.Check(mail).Scheme));
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Any_string_gives_null_or_a_link_of_the_one_shape()
    {
        Gen.String.Sample(s =>
        {
            if (UrlPolicy.Tel(s) is { } tel) Assert.Matches(TelShape(), tel);
            if (UrlPolicy.Mailto(s) is { } mail) Assert.Matches(MailtoShape(), mail);
        }, iter: 20_000);
    }
}
