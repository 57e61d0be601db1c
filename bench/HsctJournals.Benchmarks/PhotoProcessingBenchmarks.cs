using BenchmarkDotNet.Attributes;
using HsctJournals.Domain.Photos;
using HsctJournals.Web.Photos;
using NetVips;

namespace HsctJournals.Benchmarks;

/// <summary>
/// Issue 10: processing a 12-megapixel phone JPEG into every display variant (480, 960 and 1600 px, WebP and JPEG),
/// as an upload does. The photo is drawn here (never committed): 4000 × 3000 with gradients and sensor-like noise, so
/// it compresses like a photo, with the EXIF orientation and GPS tags a phone writes.
/// Allocated is managed memory only; libvips works in native memory, so the cleanup prints libvips' own peak
/// (tracked by libvips) and the process's peak resident memory to the log.
/// </summary>
[MemoryDiagnoser]
public class PhotoProcessingBenchmarks
{
    private const int Width = 4000, Height = 3000;
    private readonly PhotoProcessor _processor = new();
    private string _path = "";

    [GlobalSetup]
    public void DrawPhoto()
    {
        _path = Path.Combine(Path.GetTempPath(), $"hsct-bench-12mp-{Environment.ProcessId}.jpg");
        using var xy = Image.Xyz(Width, Height);
        using var x = xy[0];
        using var y = xy[1];
        using var red = x * (180.0 / Width) + Image.Gaussnoise(Width, Height, sigma: 14, mean: 40);
        using var green = y * (160.0 / Height) + Image.Gaussnoise(Width, Height, sigma: 14, mean: 60);
        using var blue = (x + y) * (120.0 / (Width + Height)) + Image.Gaussnoise(Width, Height, sigma: 14, mean: 90);
        using var rgb = red.Bandjoin(green, blue).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = rgb.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "BenchCam");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "52/1 31/1 1234/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GIntType, "orientation", 6);
        });
        tagged.Jpegsave(_path, q: 90);
        Console.WriteLine($"// 12 MP test photo: {Width} × {Height}, {new FileInfo(_path).Length / 1024} KB; drawing it peaked at {PeakRss()}");
        // Linux: "5" resets the process's peak RSS, so the figure printed at the end is the processing's own.
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Benchmark(Description = "12 MP JPEG → 480/960/1600 px WebP + JPEG")]
    public int ProcessTwelveMegapixelJpeg()
    {
        var processed = _processor.Process(_path, ImageKind.Jpeg, maxPixels: 50_000_000);
        return processed.Variants.Count;
    }

    [GlobalCleanup]
    public void Report()
    {
        Console.WriteLine($"// libvips peak tracked memory: {Stats.MemHighwater / 1024 / 1024} MB; process peak RSS since the photo was drawn (VmHWM): {PeakRss()}");
        File.Delete(_path);
    }

    private static string PeakRss() =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "n/a"
            : "n/a (not Linux)";
}
