using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using HsctJournals.Domain.Comments;
using HsctJournals.Domain.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Remembers the rendered HTML of a page of comment threads, keyed by a hash of everything that HTML is made of,
/// so a post with hundreds of comments is rendered once and then reused by every reader who would get the same
/// bytes (signed-in readers and cache misses skip the shared page cache, but most of them see the same thread).
/// </summary>
/// <remarks>
/// The key is the content itself (ids, names, websites, texts, avatars, "in reply to", the relative times as shown,
/// the links' base and page, whether reply links show), not a version that writes must bump: an edit, a moderation
/// decision or a deletion changes the hash, so nothing needs evicting and every node stays correct on its own.
/// A page that carries anything of one reader's own (a held comment, an edit link, the reply form) is never
/// remembered. Every value <c>_CommentThread.cshtml</c> reads must be part of <see cref="KeyOf"/>. A page cut from the
/// threads remembered per post and stamp (<see cref="ApprovedThreadViews"/>) is keyed by those instead.
/// </remarks>
public sealed class CommentThreadHtml(HtmlEncoder encoder) : IDisposable
{
    /// <summary>Characters kept in all (about 2 × this in bytes): some 80 pages of 200 comments.</summary>
    public const long CharacterLimit = 16_000_000;
    private const string Layout = "thread-v1";
    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = CharacterLimit });

    /// <summary>The section's threads as HTML: remembered when every reader with the same thread gets the same bytes.</summary>
    public async Task<IHtmlContent> RenderAsync(CommentSection section, Func<Task<IHtmlContent>> render)
    {
        if (section.ReplyTo is null && section.Remembered is { } threads) return await RenderRememberedAsync(section, threads, render);
        if (!IsShared(section)) return await render();
        var key = KeyOf(section);
        if (_pages.TryGetValue(key, out string? remembered) && remembered is not null) return new Remembered(remembered);

        var html = await ToStringAsync(render);
        _pages.Set(key, html, new MemoryCacheEntryOptions { Size = Math.Max(1, html.Length), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return new Remembered(html);
    }

    /// <summary>
    /// A page cut from the remembered approved threads (decision 0054): everything its HTML is made of is fixed by
    /// which threads (post, stamp, order, depth), the page, the post's address and whether reply links show, except the
    /// relative times, so it is remembered by those and reused until the first of its times would read differently.
    /// No hash over the comments' texts is needed.
    /// </summary>
    private async Task<IHtmlContent> RenderRememberedAsync(CommentSection section, RememberedThreadsKey threads, Func<Task<IHtmlContent>> render)
    {
        var key = (threads, section.PostUrl, section.Page.Number, section.FormShown);
        if (_pages.TryGetValue(key, out TimedHtml? known) && known is not null && section.NowUtc < known.Until) return new Remembered(known.Html);

        var html = await ToStringAsync(render);
        var until = section.Page.Threads.Select(root => LabelsHoldUntil(root, section.NowUtc)).DefaultIfEmpty(DateTime.MaxValue).Min();
        _pages.Set(key, new TimedHtml(html, until), new MemoryCacheEntryOptions { Size = Math.Max(1, html.Length), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return new Remembered(html);
    }

    private sealed record TimedHtml(string Html, DateTime Until);

    /// <summary>When the first relative time in this thread changes its words.</summary>
    private static DateTime LabelsHoldUntil(CommentNode<CommentView> node, DateTime nowUtc) =>
        node.Children.Select(child => LabelsHoldUntil(child, nowUtc)).Append(RelativeTime.NextChange(node.Payload.CreatedAt, nowUtc)).Min();

    // Kept without the template's indentation: the thread has no pre or textarea (the reply form is never remembered).
    private async Task<string> ToStringAsync(Func<Task<IHtmlContent>> render)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        (await render()).WriteTo(writer, encoder);
        return HtmlIndentation.Collapse(writer.ToString());
    }

    /// <summary>
    /// Remembered HTML written with one asynchronous write. A plain <see cref="HtmlString"/> is written synchronously,
    /// and Razor's response writer then copies it into pooled 1,024-character pages before sending: for a 300 KB
    /// thread that was some 300 pages per request, more than the shared pool keeps, so each request allocated them
    /// anew (a third of the uncached post page's allocations, bench/README.md). An asynchronous write of the whole
    /// string goes straight to the response's encoder.
    /// </summary>
    private sealed class Remembered(string html) : IHtmlAsyncContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(html);

        public ValueTask WriteToAsync(TextWriter writer) => new(writer.WriteAsync(html));
    }

    /// <summary>Nothing on the page belongs to one reader: no held comment, no edit link, no reply form inside the thread.</summary>
    public static bool IsShared(CommentSection section) =>
        section.ReplyTo is null && !section.Page.Threads.Any(t => Any(t, c => c.IsPending || c.IsEditable));

    /// <summary>A SHA-256 over every value the thread's HTML is made of, in a form that cannot run two values together.</summary>
    public static string KeyOf(CommentSection section)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, Layout);
        Add(hash, section.PostUrl);
        Add(hash, section.Page.Number);
        Add(hash, section.FormShown ? 1 : 0);
        foreach (var root in section.Page.Threads) AddNode(hash, root, section.NowUtc);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void AddNode(IncrementalHash hash, CommentNode<CommentView> node, DateTime nowUtc)
    {
        var c = node.Payload;
        Add(hash, c.Id);
        Add(hash, c.AuthorName);
        Add(hash, c.Website);
        Add(hash, c.Text);
        Add(hash, c.AvatarSvg);
        Add(hash, RelativeTime.Iso(c.CreatedAt));
        Add(hash, RelativeTime.Describe(c.CreatedAt, nowUtc));
        Add(hash, node.InReplyTo?.Id ?? 0);
        Add(hash, node.InReplyTo?.AuthorName);
        Add(hash, node.Children.Count);
        foreach (var child in node.Children) AddNode(hash, child, nowUtc);
    }

    private static bool Any(CommentNode<CommentView> node, Func<CommentView, bool> test) =>
        test(node.Payload) || node.Children.Any(child => Any(child, test));

    // Each value is length-prefixed (−1 for null), so ("ab", "c") and ("a", "bc") hash differently.
    private static void Add(IncrementalHash hash, string? value)
    {
        Add(hash, value?.Length ?? -1);
        if (value is not null) hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private static void Add(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        hash.AppendData(bytes);
    }

    public void Dispose() => _pages.Dispose();
}
