using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Boilerplate.Tests.Support;

/// <summary>
/// The tests' own TOTP (RFC 6238 over RFC 4226's HOTP: HMAC-SHA1, 30 s steps, six digits) and
/// base32 (RFC 4648), written from the RFCs, so the server's codes are checked against another
/// implementation than the one it uses.
/// </summary>
public static class Rfc6238
{
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for <paramref name="base32Secret"/> at the step <paramref name="offset"/> steps from now.</summary>
    public static string Code(string base32Secret, int offset = 0) => CodeAtStep(base32Secret, StepAt(DateTimeOffset.UtcNow) + offset);

    public static string CodeAtStep(string base32Secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var mac = HMACSHA1.HashData(Base32Decode(base32Secret), counter);
        var offset = mac[^1] & 0x0f;
        var binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0)
                throw new FormatException($"'{c}' is not base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
