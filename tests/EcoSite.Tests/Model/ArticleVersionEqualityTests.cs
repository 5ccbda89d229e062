using EcoSite.Core.Model;

namespace EcoSite.Tests.Model;

/// <summary>
/// <see cref="ArticleVersion"/> compares its members in a hand-written Equals (its body may still be UTF-8 from the load
/// cache), so a member the record gains is not compared until someone adds it there. These tests name every member.
/// </summary>
public class ArticleVersionEqualityTests
{
    private static readonly IReadOnlyList<Attachment> Files = [new("plan.pdf", "media/plan.pdf", 10)];

    private static ArticleVersion Version() =>
        new("zh", "parks/demo/news/a.md", "标题", new DateOnly(2026, 11, 1), NewsKind.News, "摘要", "<p>正文</p>", Files, null)
        {
            Record = new DocumentRecord("A-1", null, null),
        };

    [Fact]
    public void Every_member_of_a_version_takes_part_in_its_equality()
    {
        // A new member must be added here and to ArticleVersion.Equals and GetHashCode.
        Assert.Equal(
            ["Attachments", "BodyHtml", "Case", "Date", "File", "Kind", "Lang", "Light", "PlaceholderInBody", "Record", "Summary", "Title"],
            typeof(ArticleVersion).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal));
        var a = Version();
        Assert.Equal(a, Version());
        Assert.Equal(a.GetHashCode(), Version().GetHashCode());
        ArticleVersion[] changed =
        [
            a with { Attachments = [.. Files] },
            a with { BodyHtml = "<p>别的</p>" },
            a with { Case = new CaseInfo(null, null, new Benefits()) },
            a with { Date = new DateOnly(2026, 11, 2) },
            a with { File = "parks/demo/news/b.md" },
            a with { Kind = NewsKind.Notice },
            a with { Lang = "en" },
            a with { Light = true },
            a with { PlaceholderInBody = true },
            a with { Record = null },
            a with { Summary = "别的摘要" },
            a with { Title = "别的标题" },
        ];
        foreach (var other in changed) Assert.NotEqual(a, other);
    }
}
