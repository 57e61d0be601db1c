using System.Buffers.Binary;
using System.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>Images made in the test with libvips (never files from elsewhere), and upload helpers.</summary>
public static class PhotoKit
{
    /// <summary>A JPEG as a phone writes it: GPS position, camera make and serial, a timestamp, and "rotate 90°" in EXIF.</summary>
    public static byte[] PhoneJpeg(int width = 2000, int height = 1500, int orientation = 6, double red = 200)
    {
        using var image = (Image.Black(width, height, bands: 3) + new[] { red, 120, 60 }).Cast(Enums.BandFormat.Uchar);
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestCam");
            m.Set(GValue.GStrType, "exif-ifd0-Model", "Serial 0042-SECRET");
            m.Set(GValue.GStrType, "exif-ifd0-DateTime", "2026:03:10 09:15:00");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "52/1 31/1 1234/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "13/1 24/1 0/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GIntType, "orientation", orientation);
        });
        return tagged.JpegsaveBuffer(q: 85);
    }

    private static int _colour;

    /// <summary>A flat PNG in a colour no other call in this run uses, so its variants' bytes (and hashes) are its own.</summary>
    /// <remarks>
    /// Neighbouring calls differ by 67 in red (67 is odd, so all 256 reds come round before one repeats): colours one
    /// step apart can quantise to the same JPEG bytes, and then two photos share a variant.
    /// </remarks>
    public static byte[] Png(int width = 600, int height = 400)
    {
        var n = Interlocked.Increment(ref _colour);
        using var image = (Image.Black(width, height, bands: 3) + new double[] { n * 67 % 256, n / 256 % 256, 160 }).Cast(Enums.BandFormat.Uchar);
        return image.PngsaveBuffer();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels (a decompression bomb's calling card).</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2;
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(stream, "IHDR", ihdr);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A ZIP archive's end-of-central-directory record (an empty archive), to glue behind an image.</summary>
    public static byte[] EmptyZip() => [(byte)'P', (byte)'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The first bytes of an iPhone HEIC file (ftyp box with the heic brand).</summary>
    public static byte[] HeicStart() =>
        [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0, 0, 0, 0,
         (byte)'m', (byte)'i', (byte)'f', (byte)'1', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0, 0, 0, 8, (byte)'m', (byte)'e', (byte)'t', (byte)'a'];

    public static Task<PhotoUploadResult> UploadAsync(this AppFactory app, Journal journal, AppUser uploader, byte[] bytes,
        string fileName = "photo.jpg", string? alt = "A test photo", string? contentType = null, bool decorative = false, string? caption = null) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<PhotoUpload>().UploadAsync(
            new PhotoUploadRequest(journal, uploader.Id, new MemoryStream(bytes), fileName, contentType, alt, decorative, caption)));

    public static async Task<Photo> UploadOkAsync(this AppFactory app, Journal journal, AppUser uploader, byte[] bytes,
        string fileName = "photo.jpg", string alt = "A test photo", string? caption = null)
    {
        var result = await app.UploadAsync(journal, uploader, bytes, fileName, alt, caption: caption);
        Assert.True(result.Succeeded, result.Message);
        return result.Photo!;
    }

    /// <summary>Rows and blobs stored for photos, to prove a refused upload left nothing behind.</summary>
    public static Task<(int Photos, int Variants, int Blobs, int Chunks)> CountsAsync(this AppFactory app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        return (await db.Photos.CountAsync(), await db.PhotoVariants.CountAsync(), await db.PhotoBlobs.CountAsync(), await db.PhotoBlobChunks.CountAsync());
    });

    public static Task<List<PhotoVariant>> VariantsAsync(this AppFactory app, int photoId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<JournalsDbContext>().PhotoVariants.AsNoTracking().Where(v => v.PhotoId == photoId).OrderBy(v => v.Format).ThenBy(v => v.Width).ToListAsync());

    /// <summary>A stream that claims to be huge and produces bytes only as they are read, counting them.</summary>
    public sealed class EndlessJpegStream(long length) : Stream
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            if (n <= 0) return 0;
            buffer.AsSpan(offset, n).Clear();
            if (BytesRead == 0 && n >= 3) { buffer[offset] = 0xFF; buffer[offset + 1] = 0xD8; buffer[offset + 2] = 0xFF; }
            BytesRead += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
