using QRCoder;

namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// QR codes of page addresses (QRCoder), as PNG files an editor uploads with the article. Error correction M (15%,
/// ISO/IEC 18004) survives WeChat's recompression of uploaded images; the 4-module quiet zone is the standard's.
/// The PNG is written by QRCoder itself from the module matrix, so the same address gives the same bytes.
/// </summary>
internal static class QrCode
{
    /// <summary>Pixels per module: a 33-module code (an address of ~60 characters) with its quiet zone is 328 px wide,
    /// sharp when WeChat scales it to the 160 px the article shows.</summary>
    public const int PixelsPerModule = 8;

    public static byte[] Png(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(PixelsPerModule, [0, 0, 0, 255], [255, 255, 255, 255], drawQuietZones: true);
    }
}
