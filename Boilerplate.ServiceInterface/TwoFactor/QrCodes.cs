using QRCoder;

namespace Boilerplate.ServiceInterface.TwoFactor;

/// <summary>QR codes drawn on the server, so a front end shows one without a library of its own.</summary>
public static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a smudged screen; an otpauth URI stays small enough for it.
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
