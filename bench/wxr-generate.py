#!/usr/bin/env python3
"""A WordPress export (WXR 1.2) of a transplant blog, as WordPress 6 writes it, for the import and backup benchmarks.

Posts in block-editor markup (paragraphs, headings, lists, [caption] and [gallery] shortcodes, images at the old
site), categories and tags, drafts, scheduled and private posts, a page and attachments (skipped by the import),
and threaded comments up to five deep in every approval state, some by the blog's author as a logged-in user.
Deterministic (seeded), standard library only.

  python3 bench/wxr-generate.py OUT.xml [--posts 1800] [--comments 20000] [--photos 0] [--uploads OUT.zip]

--photos N: N posts show one image each from wp-content/uploads; --uploads writes those images (PNG, 1600x1200,
a few hundred KB each) as a zip of the uploads folder, for the photo import.
"""
import argparse
import random
import struct
import zipfile
import zlib
from datetime import datetime, timedelta

SITE = "https://old-blog.example"
WORDS = ("day counts neutrophils platelets nurse ward fever fluids chemo cyclophosphamide rituximab harvest apheresis "
         "stem cells bag engraftment tired walk window tea visitors mask handwashing bloods transfusion hair scalp "
         "appetite toast broth sleep morning evening doctor rounds plan hope strength family letters phone quiet "
         "line PICC flush dressing steroids nausea ginger rest garden cat legs stairs physio MRI lesions relapse "
         "remission EDSS fatigue cold hands warm blanket window rain sun friends cards flowers not allowed").split()
NAMES = ["Kate Ibrahim", "Aisha Walsh", "Tom Becker", "Maria Rossi", "Jonas Berg", "Priya Nair", "Liam O'Connor",
         "Chen Wei", "Sofia Lopez", "Ben Carter", "Emma Novak", "Yusuf Demir", "Grace Kim", "Oliver Brown"]
CATEGORIES = ["Mobilisation", "Harvest", "Conditioning", "Day 0", "Engraftment", "Recovery", "Everyday life"]
TAGS = ["neutrophils", "platelets", "fatigue", "hair", "food", "visitors", "MRI", "physio", "hope", "family"]


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng, low=8, high=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences):
    return "<!-- wp:paragraph -->\n<p>" + " ".join(sentence(rng) for _ in range(sentences)) + "</p>\n<!-- /wp:paragraph -->"


def image(path, alt, caption, attachment_id):
    url = f"{SITE}/wp-content/uploads/{path}"
    if caption:
        return (f'[caption id="attachment_{attachment_id}" align="aligncenter" width="1024"]<img class="size-large wp-image-{attachment_id}" '
                f'src="{url}" alt="{alt}" width="1024" height="768" /> {caption}[/caption]')
    return (f'<!-- wp:image {{"id":{attachment_id},"sizeSlug":"large"}} -->\n<figure class="wp-block-image size-large">'
            f'<img src="{url}" alt="{alt}" class="wp-image-{attachment_id}"/></figure>\n<!-- /wp:image -->')


def content(rng, paragraphs, photo):
    blocks = []
    for i in range(paragraphs):
        if i == 2:
            blocks.append(f"<!-- wp:heading -->\n<h2>{sentence(rng, 3, 6)[:-1]}</h2>\n<!-- /wp:heading -->")
        if i == 4:
            items = "".join(f"<li>{sentence(rng, 4, 9)}</li>" for _ in range(rng.randint(3, 6)))
            blocks.append(f"<!-- wp:list -->\n<ul>{items}</ul>\n<!-- /wp:list -->")
        if i == 1 and photo is not None:
            blocks.append(image(*photo))
        blocks.append(paragraph(rng, rng.randint(3, 7)))
    if rng.random() < 0.05:
        blocks.append('[gallery ids="11,12,13" columns="3"]')
    return "\n\n".join(blocks)


def png(width, height, seed):
    """A smooth picture with a little noise: compresses like a photo exported as PNG (a few hundred KB)."""
    rng = random.Random(seed)
    r0, g0, b0 = rng.randrange(256), rng.randrange(256), rng.randrange(256)
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(0, width):
            n = rng.getrandbits(3)
            row += bytes(((r0 + x // 7 + n) & 255, (g0 + y // 5 + n) & 255, (b0 + (x + y) // 11) & 255))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 6)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=1800)
    parser.add_argument("--comments", type=int, default=20000)
    parser.add_argument("--photos", type=int, default=0)
    parser.add_argument("--uploads")
    parser.add_argument("--paragraphs", type=int, default=26, help="paragraphs per post, on average")
    args = parser.parse_args()
    rng = random.Random(11)
    start = datetime(2023, 1, 9, 8, 0)

    # Comments per post: uneven, as on a real blog (a few posts draw most of the conversation).
    weights = [rng.paretovariate(1.2) for _ in range(args.posts)]
    total = sum(weights)
    counts = [int(args.comments * w / total) for w in weights]
    counts[0] += args.comments - sum(counts)

    photo_posts = set(rng.sample(range(args.posts), min(args.photos, args.posts)))
    photos = []
    comment_id = 1000
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.1.9" created="2026-11-26 12:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Benchmark transplant blog</title>
	<link>{SITE}</link>
	<description>Generated by bench/wxr-generate.py</description>
	<pubDate>Thu, 26 Nov 2026 12:00:00 +0000</pubDate>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{SITE}</wp:base_site_url>
	<wp:base_blog_url>{SITE}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata("sam")}</wp:author_login><wp:author_email>{cdata("sam@example.org")}</wp:author_email><wp:author_display_name>{cdata("Sam Rivers")}</wp:author_display_name><wp:author_first_name>{cdata("Sam")}</wp:author_first_name><wp:author_last_name>{cdata("Rivers")}</wp:author_last_name></wp:author>
""")
        for i, name in enumerate(CATEGORIES):
            slug = name.lower().replace(" ", "-")
            out.write(f"\t<wp:category><wp:term_id>{i + 2}</wp:term_id><wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
                      f"<wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n")
        for i, name in enumerate(TAGS):
            out.write(f"\t<wp:tag><wp:term_id>{i + 20}</wp:term_id><wp:tag_slug>{cdata(name.lower())}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n")
        out.write("\t<generator>https://wordpress.org/?v=6.1.9</generator>\n")
        out.write(item(rng, 3, "Privacy Policy", "privacy-policy", start, "page", "draft", "<p>Suggested text.</p>", [], None))

        for p in range(args.posts):
            post_id = 100 + p
            date = start + timedelta(hours=13 * p + rng.randint(0, 6))
            photo = None
            if p in photo_posts:
                path = f"{date:%Y/%m}/day-{p}.png"
                photo = (path, f"Picture of day {p}: the ward window", rng.random() < 0.5 and f"Day {p}, afternoon light", 10000 + p)
                photos.append((path, 10000 + p))
            status = "publish" if rng.random() < 0.9 else rng.choice(["draft", "private", "future"])
            title = f"Day {p}: " + sentence(rng, 2, 5)[:-1]
            paragraphs = max(3, int(rng.gauss(args.paragraphs, args.paragraphs / 3)))
            body = content(rng, paragraphs, photo)
            comments, comment_id = thread(rng, counts[p], comment_id, date)
            out.write(item(rng, post_id, title, f"day-{p}", date, "post", status, body, comments, rng.choice(CATEGORIES),
                           rng.sample(TAGS, rng.randint(0, 3))))
        for path, attachment_id in photos:
            out.write(item(rng, attachment_id, path.rsplit("/", 1)[1], path.rsplit("/", 1)[1][:-4], start, "attachment", "inherit", "", [], None, [],
                           attachment=f"{SITE}/wp-content/uploads/{path}"))
        out.write("</channel>\n</rss>\n")

    if args.uploads:
        with zipfile.ZipFile(args.uploads, "w", zipfile.ZIP_STORED) as zip:
            for n, (path, _) in enumerate(photos):
                zip.writestr("wp-content/uploads/" + path, png(1600, 1200, n))


def thread(rng, count, next_id, posted):
    """count comments: about a third start a thread, the rest answer one, down to depth five."""
    comments = []
    depth = {}
    for _ in range(count):
        cid = next_id
        next_id += 1
        parent = 0
        if comments and rng.random() < 0.65:
            candidate = rng.choice(comments[-30:])
            if depth[candidate["id"]] < 5:
                parent = candidate["id"]
        depth[cid] = 1 if parent == 0 else depth[parent] + 1
        by_author = parent != 0 and rng.random() < 0.2
        name = "Sam Rivers" if by_author else rng.choice(NAMES)
        posted = posted + timedelta(minutes=rng.randint(3, 300))
        state = "1" if by_author else rng.choices(["1", "0", "spam", "trash"], [90, 5, 4, 1])[0]
        comments.append({
            "id": cid, "parent": parent, "author": name,
            "email": "sam@example.org" if by_author else name.lower().replace(" ", ".").replace("'", "") + "@example.net",
            "url": "" if rng.random() < 0.8 else "https://" + name.split()[0].lower() + ".example.com",
            "date": posted, "text": " ".join(sentence(rng, 5, 18) for _ in range(rng.randint(1, 4))),
            "approved": state, "user": 1 if by_author else 0,
        })
    return comments, next_id


def item(rng, post_id, title, slug, date, kind, status, body, comments, category, tags=(), attachment=None):
    link = f"{SITE}/{date:%Y/%m/%d}/{slug}/" if kind == "post" else f"{SITE}/?p={post_id}"
    gmt = date.strftime("%Y-%m-%d %H:%M:%S")
    terms = ""
    if category:
        terms += f'\t\t<category domain="category" nicename="{category.lower().replace(" ", "-")}">{cdata(category)}</category>\n'
    for tag in tags:
        terms += f'\t\t<category domain="post_tag" nicename="{tag.lower()}">{cdata(tag)}</category>\n'
    parts = [f"""	<item>
		<title>{cdata(title)}</title>
		<link>{link}</link>
		<pubDate>{date:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
		<dc:creator>{cdata("sam")}</dc:creator>
		<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
		<description></description>
		<content:encoded>{cdata(body)}</content:encoded>
		<excerpt:encoded>{cdata("")}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(gmt)}</wp:post_date>
		<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>
		<wp:post_modified>{cdata(gmt)}</wp:post_modified>
		<wp:post_modified_gmt>{cdata(gmt)}</wp:post_modified_gmt>
		<wp:comment_status>{cdata("open")}</wp:comment_status>
		<wp:ping_status>{cdata("closed")}</wp:ping_status>
		<wp:post_name>{cdata(slug)}</wp:post_name>
		<wp:status>{cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata(kind)}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
"""]
    if attachment:
        parts.append(f"\t\t<wp:attachment_url>{cdata(attachment)}</wp:attachment_url>\n")
    parts.append(terms)
    for c in comments:
        parts.append(f"""		<wp:comment>
			<wp:comment_id>{c["id"]}</wp:comment_id>
			<wp:comment_author>{cdata(c["author"])}</wp:comment_author>
			<wp:comment_author_email>{cdata(c["email"])}</wp:comment_author_email>
			<wp:comment_author_url>{c["url"]}</wp:comment_author_url>
			<wp:comment_author_IP>{cdata("10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(256)))}</wp:comment_author_IP>
			<wp:comment_date>{cdata(c["date"].strftime("%Y-%m-%d %H:%M:%S"))}</wp:comment_date>
			<wp:comment_date_gmt>{cdata(c["date"].strftime("%Y-%m-%d %H:%M:%S"))}</wp:comment_date_gmt>
			<wp:comment_content>{cdata(c["text"])}</wp:comment_content>
			<wp:comment_approved>{cdata(c["approved"])}</wp:comment_approved>
			<wp:comment_type>{cdata("comment")}</wp:comment_type>
			<wp:comment_parent>{c["parent"]}</wp:comment_parent>
			<wp:comment_user_id>{c["user"]}</wp:comment_user_id>
		</wp:comment>
""")
    parts.append("\t</item>\n")
    return "".join(parts)


if __name__ == "__main__":
    main()
