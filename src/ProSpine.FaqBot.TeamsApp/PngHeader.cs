using System.Buffers.Binary;

namespace ProSpine.FaqBot.TeamsApp;

/// <summary>The size and pixel format of a PNG image, read from its signature and IHDR chunk (the first 26 bytes).</summary>
internal sealed record PngHeader(int Width, int Height, byte ColorType)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Greyscale with alpha (4) or RGBA (6): the types that carry transparency in every pixel.</summary>
    public bool HasAlphaChannel => ColorType is 4 or 6;

    /// <summary>The header of <paramref name="png"/>, or null when the bytes are not a PNG.</summary>
    public static PngHeader? Read(ReadOnlySpan<byte> png)
    {
        if (png.Length < 26 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            return null;
        return new PngHeader(
            (int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(16, 4)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(20, 4)),
            png[25]);
    }
}
