using EcoSite.Core.Model;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// The images of one article, numbered in the order they first appear ("images/01-map.png") so names never clash and
/// an editor uploads them in reading order.
/// </summary>
internal sealed class ImageSet(IReadOnlyDictionary<string, MediaFile> media)
{
    // 微信公众平台帮助中心, 图文消息: cover and body images may be bmp, png, jpeg, jpg or gif, of at most 5 MB each.
    private static readonly string[] AcceptedExtensions = [".bmp", ".png", ".jpeg", ".jpg", ".gif"];
    public const long MaxBytes = 5L * 1024 * 1024;

    private readonly List<ExportImage> _images = [];

    public IReadOnlyList<ExportImage> Images => _images;

    /// <summary>The image for a media file by content path ("parks/a/media/map.png"); null when it is not one.</summary>
    public ExportImage? Add(string contentPath)
    {
        if (_images.Find(i => i.ContentPath == contentPath) is { } known) return known;
        if (!media.TryGetValue(contentPath, out var file) || !IsImage(contentPath)) return null;
        var name = contentPath[(contentPath.LastIndexOf('/') + 1)..];
        var image = new ExportImage($"images/{_images.Count + 1:00}-{name}", contentPath, file.SourcePath, file.Bytes, Accepted(name, file.Bytes));
        _images.Add(image);
        return image;
    }

    public static bool Accepted(string name, long bytes) =>
        AcceptedExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()) && bytes <= MaxBytes;

    private static bool IsImage(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".bmp" or ".png" or ".jpeg" or ".jpg" or ".gif" or ".svg" or ".webp" or ".avif" or ".tif" or ".tiff" or ".ico";
}
