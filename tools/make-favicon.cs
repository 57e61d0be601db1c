// Run from the repository root after changing favicon.svg: dotnet run tools/make-favicon.cs -- src/HsctJournals.Web/wwwroot
#:package NetVips@3.2.0
#:package NetVips.Native@8.18.7
// Renders the hand-drawn favicon.svg to the PNG sizes browsers ask for, and a favicon.ico holding PNGs.
using NetVips;
var dir = args[0];
var svg = File.ReadAllBytes(Path.Combine(dir, "favicon.svg"));
byte[] Png(int size) => Image.SvgloadBuffer(svg, dpi: 72.0 * size / 64).WriteToBuffer(".png");
File.WriteAllBytes(Path.Combine(dir, "apple-touch-icon.png"), Png(180));
var images = new[] { 16, 32, 48 }.Select(s => (s, Png(s))).ToList();
using var ico = new MemoryStream();
using var w = new BinaryWriter(ico);
w.Write((short)0); w.Write((short)1); w.Write((short)images.Count);
var offset = 6 + 16 * images.Count;
foreach (var (size, png) in images)
{
    w.Write((byte)size); w.Write((byte)size); w.Write((byte)0); w.Write((byte)0);
    w.Write((short)1); w.Write((short)32); w.Write(png.Length); w.Write(offset);
    offset += png.Length;
}
foreach (var (_, png) in images) w.Write(png);
w.Flush();
File.WriteAllBytes(Path.Combine(dir, "favicon.ico"), ico.ToArray());
Console.WriteLine("ok");
