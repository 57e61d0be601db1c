using System.Globalization;
using System.Text;
using NetVips;

namespace HsctJournals.Web.Startup.Demo;

/// <summary>One picture of the demo journal: drawn here in code, never a photograph of anyone.</summary>
/// <param name="PostTitle">The demo post it goes in.</param>
/// <param name="After">Text of the paragraph it follows (pictures after the same paragraph form a gallery).</param>
public sealed record DemoPicture(string FileName, string AltText, string? Caption, string PostTitle, string After, Func<byte[]> Draw);

/// <summary>
/// The demo journal's pictures: simple illustrations drawn as SVG in code and rasterised with libvips
/// (NetVips) to JPEG, so they go through the same upload, processing and variants as a phone photo.
/// One stands alone in the Day 0 post; three make a gallery in the Day +45 post.
/// </summary>
public static class DemoPictures
{
    private const int Width = 1600;
    private const int Height = 1200;

    public static readonly DemoPicture[] All =
    [
        new("day-0-bag.jpg",
            "Drawing: a small bag of thawed stem cells hanging from a drip stand, its line running down out of the picture, with a gold balloon tied to the stand.",
            "Bag three of four, Day 0. Callum tied the balloon on.",
            "Day 0: happy stem cell birthday to me", "That was it. No drama.", () => Render(DayZeroBag())),
        new("walk-end-of-road.jpg",
            "Drawing: a quiet street at the end of the road, a lamp post and a low green hedge under a pale sky.",
            "Week one: the end of the road and back.",
            "Day +45: nobody tells you how tired tired is", "A walk to the end of the road", () => Render(EndOfRoad())),
        new("walk-park.jpg",
            "Drawing: a path curving through a park between round green trees, with a bench on the grass.",
            "A good day: the park.",
            "Day +45: nobody tells you how tired tired is", "A walk to the end of the road", () => Render(Park())),
        new("walk-postbox.jpg",
            "Drawing: a red pillar postbox on a pavement beside a brick wall.",
            "The postbox, walked to without thinking about my left foot.",
            "Day +45: nobody tells you how tired tired is", "A walk to the end of the road", () => Render(Postbox())),
    ];

    /// <summary>
    /// <paramref name="markdown"/> with each reference placed after the paragraph containing its picture's
    /// <see cref="DemoPicture.After"/> text (one per line, so several after one paragraph form a gallery).
    /// </summary>
    public static string Place(string markdown, IEnumerable<(DemoPicture Picture, string Reference)> placed)
    {
        var text = markdown.ReplaceLineEndings("\n");
        foreach (var group in placed.GroupBy(p => p.Picture.After))
        {
            var at = text.IndexOf(group.Key, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"Demo picture anchor “{group.Key}” is not in its post.");
            var end = text.IndexOf("\n\n", at, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            text = text[..end] + "\n\n" + string.Join("\n", group.Select(p => p.Reference)) + text[end..];
        }
        return text;
    }

    /// <summary>Rasterises an SVG drawing to a JPEG at <see cref="Width"/> × <see cref="Height"/>.</summary>
    private static byte[] Render(string svg)
    {
        using var image = Image.SvgloadBuffer(Encoding.UTF8.GetBytes(svg));
        using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
        return flat.JpegsaveBuffer(q: 90);
    }

    private static string Svg(string body) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">{body}</svg>";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Sky(string top, string bottom) =>
        $"<defs><linearGradient id=\"sky\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"{top}\"/><stop offset=\"1\" stop-color=\"{bottom}\"/></linearGradient></defs>"
        + $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"url(#sky)\"/>";

    private static string DayZeroBag()
    {
        var body = new StringBuilder(Sky("#f4efe6", "#e6ddd0"));
        body.Append("<rect x=\"0\" y=\"980\" width=\"1600\" height=\"220\" fill=\"#cfc4b4\"/>");
        // Drip stand: pole, hook arms, wheeled base.
        body.Append("<rect x=\"780\" y=\"120\" width=\"24\" height=\"900\" fill=\"#8d939a\"/>");
        body.Append("<path d=\"M620 160 H964\" stroke=\"#8d939a\" stroke-width=\"18\" stroke-linecap=\"round\"/>");
        body.Append("<path d=\"M792 1010 L600 1080 M792 1010 L984 1080 M792 1010 L792 1100\" stroke=\"#6f757c\" stroke-width=\"20\" stroke-linecap=\"round\"/>");
        foreach (var x in new[] { 600, 792, 984 }) body.Append($"<circle cx=\"{x}\" cy=\"{(x == 792 ? 1110 : 1090)}\" r=\"22\" fill=\"#3d4247\"/>");
        // The bag: a soft rounded pouch, part full of pink-red cells, with a label and a line.
        body.Append("<path d=\"M650 170 v40\" stroke=\"#6f757c\" stroke-width=\"8\"/>");
        body.Append("<rect x=\"560\" y=\"205\" width=\"180\" height=\"300\" rx=\"40\" fill=\"#fbfbfb\" stroke=\"#9aa3ab\" stroke-width=\"6\"/>");
        body.Append("<path d=\"M566 330 Q650 300 734 330 V470 Q734 499 705 499 H595 Q566 499 566 470 Z\" fill=\"#d9485f\" opacity=\".85\"/>");
        body.Append("<rect x=\"590\" y=\"230\" width=\"120\" height=\"60\" rx=\"6\" fill=\"#ffffff\" stroke=\"#c9ced3\" stroke-width=\"4\"/>");
        body.Append("<path d=\"M605 250 H695 M605 270 H670\" stroke=\"#9aa3ab\" stroke-width=\"6\"/>");
        body.Append("<path d=\"M650 505 C650 640 720 700 700 980\" fill=\"none\" stroke=\"#b7c0c7\" stroke-width=\"10\"/>");
        // A balloon tied to the stand.
        body.Append("<path d=\"M960 170 C1000 330 1040 380 1100 470\" fill=\"none\" stroke=\"#7a6a4f\" stroke-width=\"4\"/>");
        body.Append("<ellipse cx=\"1120\" cy=\"360\" rx=\"120\" ry=\"145\" fill=\"#e0b43c\"/>");
        body.Append("<ellipse cx=\"1080\" cy=\"310\" rx=\"28\" ry=\"44\" fill=\"#f4da8c\"/>");
        body.Append("<path d=\"M1108 502 L1132 502 L1120 478 Z\" fill=\"#c99a26\"/>");
        return Svg(body.ToString());
    }

    private static string EndOfRoad()
    {
        var body = new StringBuilder(Sky("#cfe3ef", "#f2f1ea"));
        body.Append("<rect x=\"0\" y=\"760\" width=\"1600\" height=\"440\" fill=\"#b9b6ad\"/>");
        body.Append("<path d=\"M520 1200 L760 760 H840 L1080 1200 Z\" fill=\"#8f8c85\"/>");
        body.Append("<path d=\"M800 800 V860 M800 920 V1000 M800 1060 V1160\" stroke=\"#f1efe6\" stroke-width=\"14\"/>");
        // Houses along the road.
        foreach (var (x, h, colour) in new[] { (40, 300, "#c98f6b"), (300, 260, "#d8b48f"), (1150, 280, "#b7826a"), (1380, 320, "#d1a983") })
        {
            body.Append($"<rect x=\"{x}\" y=\"{760 - h}\" width=\"200\" height=\"{h}\" fill=\"{colour}\"/>");
            body.Append($"<path d=\"M{x - 10} {760 - h} L{x + 100} {760 - h - 90} L{x + 210} {760 - h} Z\" fill=\"#6d4c41\"/>");
            body.Append($"<rect x=\"{x + 40}\" y=\"{760 - h + 50}\" width=\"50\" height=\"60\" fill=\"#f6f0d8\"/><rect x=\"{x + 115}\" y=\"{760 - h + 50}\" width=\"50\" height=\"60\" fill=\"#f6f0d8\"/>");
        }
        // Hedge and lamp post.
        body.Append("<rect x=\"0\" y=\"700\" width=\"500\" height=\"90\" rx=\"40\" fill=\"#4f7f4a\"/>");
        body.Append("<rect x=\"1100\" y=\"700\" width=\"500\" height=\"90\" rx=\"40\" fill=\"#4f7f4a\"/>");
        body.Append("<rect x=\"1040\" y=\"360\" width=\"20\" height=\"640\" fill=\"#40464c\"/>");
        body.Append("<path d=\"M1050 370 Q1050 330 1000 330 H960\" fill=\"none\" stroke=\"#40464c\" stroke-width=\"16\"/>");
        body.Append("<path d=\"M920 330 H1000 L985 370 H935 Z\" fill=\"#40464c\"/><ellipse cx=\"960\" cy=\"372\" rx=\"26\" ry=\"8\" fill=\"#f7e7a3\"/>");
        return Svg(body.ToString());
    }

    private static string Park()
    {
        var body = new StringBuilder(Sky("#bcdcf0", "#eef5e9"));
        body.Append("<circle cx=\"1340\" cy=\"200\" r=\"90\" fill=\"#f6dc7a\"/>");
        body.Append("<rect x=\"0\" y=\"620\" width=\"1600\" height=\"580\" fill=\"#8cbf6a\"/>");
        body.Append("<path d=\"M640 1200 C700 1000 1000 900 900 760 C860 700 820 660 860 620 L900 620 C880 680 940 720 980 780 C1080 920 820 1040 900 1200 Z\" fill=\"#e3d6b5\"/>");
        var trees = new[] { (180.0, 560.0, 150.0), (420, 600, 110), (1180, 560, 160), (1440, 620, 120), (700, 520, 90) };
        foreach (var (x, y, r) in trees)
        {
            body.Append($"<rect x=\"{N(x - r / 8)}\" y=\"{N(y)}\" width=\"{N(r / 4)}\" height=\"{N(r * 1.1)}\" fill=\"#6b4f3a\"/>");
            body.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y - r * 0.3)}\" r=\"{N(r)}\" fill=\"#3f7d3b\"/>");
            body.Append($"<circle cx=\"{N(x - r * 0.35)}\" cy=\"{N(y - r * 0.55)}\" r=\"{N(r * 0.45)}\" fill=\"#4e9247\"/>");
        }
        // A bench.
        body.Append("<rect x=\"260\" y=\"880\" width=\"300\" height=\"24\" rx=\"6\" fill=\"#7b5a3c\"/>");
        body.Append("<rect x=\"260\" y=\"830\" width=\"300\" height=\"20\" rx=\"6\" fill=\"#7b5a3c\"/>");
        body.Append("<path d=\"M285 904 V960 M535 904 V960\" stroke=\"#3d3d3d\" stroke-width=\"14\"/>");
        return Svg(body.ToString());
    }

    private static string Postbox()
    {
        var body = new StringBuilder(Sky("#d9e7ef", "#f4f1ea"));
        // Brick wall.
        body.Append("<rect x=\"0\" y=\"380\" width=\"1600\" height=\"560\" fill=\"#a7553f\"/>");
        for (var row = 0; row < 10; row++)
        {
            var y = 380 + row * 56;
            body.Append($"<path d=\"M0 {y} H1600\" stroke=\"#d9c9b8\" stroke-width=\"5\"/>");
            for (var x = row % 2 == 0 ? 0 : 80; x < 1600; x += 160) body.Append($"<path d=\"M{x} {y} V{y + 56}\" stroke=\"#d9c9b8\" stroke-width=\"5\"/>");
        }
        body.Append("<rect x=\"0\" y=\"940\" width=\"1600\" height=\"260\" fill=\"#b8b5ad\"/>");
        // The pillar box: body, domed cap, slot, plate, base.
        body.Append("<rect x=\"650\" y=\"420\" width=\"300\" height=\"560\" rx=\"30\" fill=\"#c8102e\"/>");
        body.Append("<path d=\"M630 440 Q800 300 970 440 Z\" fill=\"#a50d26\"/>");
        body.Append("<rect x=\"630\" y=\"430\" width=\"340\" height=\"40\" rx=\"12\" fill=\"#a50d26\"/>");
        body.Append("<rect x=\"700\" y=\"520\" width=\"200\" height=\"26\" rx=\"10\" fill=\"#2b1d1f\"/>");
        body.Append("<rect x=\"720\" y=\"620\" width=\"160\" height=\"110\" rx=\"8\" fill=\"#f3efe4\"/>");
        body.Append("<path d=\"M740 650 H860 M740 675 H840 M740 700 H850\" stroke=\"#8b8780\" stroke-width=\"8\"/>");
        body.Append("<rect x=\"630\" y=\"960\" width=\"340\" height=\"40\" rx=\"10\" fill=\"#2b1d1f\"/>");
        return Svg(body.ToString());
    }
}
