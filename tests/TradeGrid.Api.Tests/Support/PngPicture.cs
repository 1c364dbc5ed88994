using SkiaSharp;

namespace TradeGrid.Api.Tests.Support;

/// <summary>What a test can say about a PNG a command wrote: its size, and whether anything was drawn in it.</summary>
public sealed class PngPicture
{
    private readonly SKColor[] _pixels;

    private PngPicture(int width, int height, SKColor[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    public static PngPicture Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        // The signature, so that a file SkiaSharp could also read as JPEG or WebP is not taken for a PNG.
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), $"{path} is not a PNG file");
        using SKBitmap bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidOperationException($"{path}: not a decodable image");
        return new PngPicture(bitmap.Width, bitmap.Height, bitmap.Pixels);
    }

    /// <summary>Distinct colours (anti-aliased text, lines and translucent bands make hundreds; a blank picture has one).</summary>
    public int DistinctColours => _pixels.Distinct().Count();

    /// <summary>Share of pixels that differ from the most common colour (the background).</summary>
    public double DrawnShare
    {
        get
        {
            SKColor background = _pixels.GroupBy(p => p).MaxBy(g => g.Count())!.Key; // a picture has at least one pixel
            return _pixels.Count(p => p != background) / (double)_pixels.Length;
        }
    }

    /// <summary>Pixels in the column range [<paramref name="fromX"/>, <paramref name="toX"/>) matching <paramref name="match"/>.</summary>
    public int Count(Func<SKColor, bool> match, int fromX = 0, int toX = int.MaxValue)
    {
        int count = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = Math.Max(fromX, 0); x < Math.Min(toX, Width); x++)
            {
                count += match(_pixels[y * Width + x]) ? 1 : 0;
            }
        }
        return count;
    }
}
