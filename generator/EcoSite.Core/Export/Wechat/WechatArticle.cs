namespace EcoSite.Core.Export.Wechat;

public enum WechatKind
{
    News,
    Case,
    ParkDigest,
    RegionDigest,
}

/// <summary>
/// One article for a WeChat official account, in one language: the fragment to paste, the title and digest to type
/// in, and the files to upload. <see cref="Folder"/> and every file path are relative to the export folder.
/// </summary>
public sealed record WechatArticle(
    string Lang,
    WechatKind Kind,
    string? ParkId,
    string? Slug,
    DateOnly? Date,
    string Folder,
    string Title,
    string Digest,
    string Url,
    string Fragment,
    IReadOnlyList<ExportImage> Images,
    ExportImage? Cover,
    byte[] QrPng,
    IReadOnlyList<string> Listings)
{
    public const string FragmentName = "article.html";
    public const string PreviewName = "preview.html";
    public const string QrName = "images/qr-code.png";

    public string FragmentPath => $"{Folder}/{FragmentName}";
    public string PreviewPath => $"{Folder}/{PreviewName}";
    public string QrPath => $"{Folder}/{QrName}";
}

/// <summary>
/// An image of an article, copied from a park's media/ folder: <see cref="File"/> is relative to the article's folder
/// ("images/01-map.png"). <see cref="Accepted"/> is false when the WeChat editor would refuse the upload.
/// </summary>
public sealed record ExportImage(string File, string ContentPath, string SourcePath, long Bytes, bool Accepted);

/// <summary>A news item or case not exported in a language, or a digest with nothing new, and why.</summary>
public sealed record SkippedArticle(string Lang, WechatKind Kind, string? ParkId, string? Slug, string Reason);

/// <summary>微信公众平台帮助中心, 图文消息: a title of at most 64 characters and a digest (摘要) of at most 120.</summary>
public static class WechatLimits
{
    public const int Title = 64;
    public const int Digest = 120;
}
