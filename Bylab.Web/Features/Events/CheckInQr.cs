using Bylab.Core.Common;
using QRCoder;

namespace Bylab.Web.Features.Events;

/// <summary>
/// The QR code on a participant's confirmation and personal page. It holds the absolute check-in URL, so that staff
/// scanning it with any phone camera land on the check-in page (/arrangor/innsjekk/{code}).
/// </summary>
public static class CheckInQr
{
    public static string Url(SiteOptions site, string checkInCode) =>
        site.Link("/arrangor/innsjekk/" + Uri.EscapeDataString(checkInCode));

    /// <summary>A PNG of the code: black on white with the quiet zone, about 330 px square, readable on paper and on a screen.</summary>
    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
