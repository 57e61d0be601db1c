using HsctJournals.Domain.Comments;
using System.Net;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>Posting through the comment form under a post: display, validation, policies and the outbox.</summary>
public abstract class CommentPostingTests(AppFactory app)
{
    [Fact]
    public async Task A_visitor_comment_appears_counted_with_its_outbox_row_and_without_the_address()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var email = CommentKit.NewEmail("amy");
        var visitor = app.Visitor();

        var response = await app.CommentAsync(visitor, CommentKit.PathOf(journal, post),
            CommentKit.Fields("Lovely news!\n\nSee https://example.org/engraftment.", "Amy Reader", email, "https://amy.example.net"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("#comment-", response.Headers.Location!.OriginalString);
        var page = await app.AnonymousClient().GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("1 comment</", page);
        Assert.Contains("<a href=\"https://amy.example.net\" rel=\"nofollow ugc noopener\"><bdi>Amy Reader</bdi></a>", page);
        Assert.Contains("<p>Lovely news!</p>", page);
        Assert.Contains("<a href=\"https://example.org/engraftment\" rel=\"nofollow ugc noopener\">", page);
        Assert.Matches("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\">(just now|\\d+ minutes? ago)</time>", page);
        Assert.DoesNotContain(email, page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await app.CountOfAsync(post));
        var comment = await app.DbAsync(db => db.Comments.SingleAsync(c => c.PostId == post.Id));
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.NotNull(comment.AuthorTokenHash);
        Assert.NotNull(comment.IpHash);
        var payload = $"{{\"CommentId\":{comment.Id}}}";
        var outbox = await app.DbAsync(db => db.OutboxMessages.Where(m => m.Payload == payload).Select(m => m.Type).ToListAsync());
        Assert.Equal([Outbox.CommentToOwner], outbox);
    }

    [Fact]
    public async Task The_form_has_the_fields_the_issue_describes_and_the_remember_box_is_unticked()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var html = await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains(">Submit a Comment</h2>", html);
        Assert.Contains("Your email address will not be published. Required fields are marked *", html);
        foreach (var label in new[] { ">Comment *</label>", ">Name *</label>", ">Email *</label>", ">Website</label>", "Notify me of replies by email", ">Post Comment</button>" })
            Assert.Contains(label, html);
        Assert.Matches("<input type=\"checkbox\" name=\"Input.Remember\" value=\"true\" />", html);
        Assert.Contains("tabindex=\"-1\" autocomplete=\"off\"", html);
        Assert.Contains("<script src=\"/js/comments.js", html);
        Tests.Accounts.Html.AssertNoBlockedScript(html, "post page");
    }

    [Fact]
    public async Task Signed_in_readers_see_their_name_instead_of_the_name_and_email_fields()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var reader = await app.CreateUserAsync("Rita Signed");
        var client = await app.SignedInVisitorAsync(reader);
        var html = await client.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("Commenting as <strong><bdi>Rita Signed</bdi></strong>", html);
        Assert.DoesNotContain("Input.AuthorEmail", html);

        var response = await app.CommentAsync(client, CommentKit.PathOf(journal, post), new() { ["Input.Text"] = "From my account." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.DbAsync(db => db.Comments.SingleAsync(c => c.PostId == post.Id));
        Assert.Equal(("Rita Signed", reader.Id), (stored.AuthorName, stored.UserId));
    }

    [Fact]
    public async Task A_validation_error_keeps_everything_typed_and_ties_the_message_to_its_field()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post),
            CommentKit.Fields("My careful words <b>here</b>", "Bea", "not-an-address", "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("My careful words &lt;b&gt;here&lt;/b&gt;</textarea>", html);
        Assert.Contains("value=\"Bea\"", html);
        Assert.Contains("value=\"not-an-address\"", html);
        Assert.Contains("aria-describedby=\"comment-note Input_AuthorEmail-error\"", html);
        Assert.Contains("id=\"Input_AuthorEmail-error\">Please give a valid e-mail address", html);
        Assert.Contains("aria-describedby=\"Input_Website-error\"", html);
        Assert.Equal(0, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task An_anonymous_comment_sent_from_another_site_re_shows_the_form_with_the_text_kept()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var client = app.Visitor();
        await client.GetStringAsync(CommentKit.PathOf(journal, post));
        var fields = CommentKit.Fields("Words I must not lose", "Cara", CommentKit.NewEmail());
        using var request = new HttpRequestMessage(HttpMethod.Post, CommentKit.PathOf(journal, post) + "?handler=Comment") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Words I must not lose</textarea>", html);
        Assert.Contains("open too long", html);
        Assert.Equal(0, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task A_signed_in_readers_comment_needs_the_antiforgery_token_and_keeps_the_text_without_it()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var client = await app.SignedInVisitorAsync(await app.CreateUserAsync());
        var page = await client.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("__RequestVerificationToken", page); // a signed-in page is never shared, so it carries one
        var fields = new Dictionary<string, string> { ["Input.Text"] = "Signed-in words to keep" };
        fields["__RequestVerificationToken"] = "expired-or-forged";
        var response = await client.PostAsync(CommentKit.PathOf(journal, post) + "?handler=Comment", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Signed-in words to keep</textarea>", html);
        Assert.Contains("open too long", html);
        Assert.Equal(0, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task A_form_posted_faster_than_a_person_types_is_shown_again_politely()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post),
            CommentKit.Fields("Quick as a robot", "Dan", CommentKit.NewEmail()), backdate: false);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("quicker than we expected", html);
        Assert.Contains("Quick as a robot</textarea>", html);
        Assert.Equal(0, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task A_filled_honeypot_is_stored_as_spam_out_of_sight_and_the_sender_is_told_it_awaits_moderation()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var fields = CommentKit.Fields("Buy things", "Bot", CommentKit.NewEmail("bot"));
        fields["Input.Homepage"] = "http://spam.example";
        var client = app.Visitor();
        var response = await app.CommentAsync(client, CommentKit.PathOf(journal, post), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.DbAsync(db => db.Comments.SingleAsync(c => c.PostId == post.Id));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Equal(0, await app.CountOfAsync(post));
        Assert.DoesNotContain("Buy things", await app.AnonymousClient().GetStringAsync(CommentKit.PathOf(journal, post)));
    }

    [Fact]
    public async Task Too_many_comments_from_one_address_get_a_429_with_retry_after_and_the_text()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var email = CommentKit.NewEmail("flood");
        for (var i = 0; i < 8; i++)
        {
            var outcome = await app.AddCommentAsync(journal, post, "Flo", email, $"Comment number {i}");
            Assert.True(outcome.Stored, outcome.Message);
        }
        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post), CommentKit.Fields("The ninth, kept safe", "Flo", email));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The ninth, kept safe</textarea>", html);
        Assert.Contains("Please wait", html);
    }

    [Fact]
    public async Task Too_many_comments_from_one_ip_address_are_limited_too()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var ip = IPAddress.Parse($"198.51.100.{Random.Shared.Next(1, 250)}");
        // Each from a new address, as a flood script would.
        for (var i = 0; i < 20; i++)
            Assert.True((await app.AddCommentAsync(journal, post, "Ivy", CommentKit.NewEmail(), $"IP flood {i}", ip: ip)).Stored);
        var response = await app.CommentAsync(app.Visitor(ip), CommentKit.PathOf(journal, post), CommentKit.Fields("One more", "Ivy", CommentKit.NewEmail()));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_signed_in_member_behind_an_address_that_anonymous_visitors_used_up_still_comments()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var ip = IPAddress.Parse($"198.51.100.{Random.Shared.Next(1, 250)}");
        for (var i = 0; i < 20; i++)
            Assert.True((await app.AddCommentAsync(journal, post, "Ward visitor", CommentKit.NewEmail(), $"Ward {i}", ip: ip)).Stored);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await app.CommentAsync(app.Visitor(ip), CommentKit.PathOf(journal, post), CommentKit.Fields("Anonymous again", "Ivy", CommentKit.NewEmail()))).StatusCode);

        // Issue 8, fix 6: a member on the same hospital Wi-Fi is limited by their account, not by the shared address.
        var member = app.Visitor(ip);
        var login = await Forms.GetAsync(member, "/Identity/Account/Login");
        var user = await app.CreateUserAsync("Member On Ward");
        Assert.Equal(HttpStatusCode.Redirect, (await login.PostAsync(member, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password })).StatusCode);
        var response = await app.CommentAsync(member, CommentKit.PathOf(journal, post), new() { ["Input.Text"] = "From the member, same Wi-Fi" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id && c.UserId == user.Id)));
    }

    [Fact]
    public async Task A_form_time_older_than_a_day_is_refused_and_the_form_comes_back_with_a_fresh_one()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var stamps = app.Services.GetRequiredService<FormTimestamp>();
        var fields = CommentKit.Fields("Saved by a script yesterday", "Rob", CommentKit.NewEmail());
        var replayed = stamps.Protect(DateTimeOffset.UtcNow.AddHours(-25));
        fields["Input.Rendered"] = replayed;

        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post), fields, backdate: false);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("opened a long time ago", html);
        Assert.Contains("Saved by a script yesterday</textarea>", html);
        Assert.Equal(0, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id)));
        Assert.True(stamps.Read(Tests.Accounts.Html.FirstValue(html, "Input.Rendered")) > stamps.Read(replayed));
    }

    [Fact]
    public async Task The_same_comment_twice_is_recognised_and_not_stored_again()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var email = CommentKit.NewEmail();
        Assert.True((await app.AddCommentAsync(journal, post, "Eve", email, "Thank you!")).Stored);
        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post), CommentKit.Fields("  thank   YOU! ", "Eve", email));
        Assert.Contains("already posted this comment", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task Links_held_words_and_blocked_words_follow_the_journal_settings()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        await app.SetPolicyAsync(journal, s => { s.HeldWords = "miracle cure"; s.BlockedWords = "casino"; s.MaxLinksBeforeHold = 1; });

        var links = await app.AddCommentAsync(journal, post, "Lin", CommentKit.NewEmail(), "https://a.example and https://b.example");
        var held = await app.AddCommentAsync(journal, post, "Hal", CommentKit.NewEmail(), "Is this a Miracle Cure?");
        var blocked = await app.AddCommentAsync(journal, post, "Bob", CommentKit.NewEmail(), "Best CASINO online");
        var fine = await app.AddCommentAsync(journal, post, "Fay", CommentKit.NewEmail(), "Just one link: https://a.example");

        Assert.Equal(CommentOutcomeKind.Held, links.Kind);
        Assert.Equal(CommentOutcomeKind.Held, held.Kind);
        Assert.Equal((CommentOutcomeKind.Held, CommentStatus.Spam), (blocked.Kind, blocked.Comment!.Status));
        Assert.Equal(CommentOutcomeKind.Approved, fine.Kind);
        Assert.Equal(1, await app.CountOfAsync(post));
    }

    [Fact]
    public async Task A_held_comment_is_shown_only_to_its_author_until_a_moderator_approves_it()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(hold: HoldRule.FirstCommentFromNewEmail);
        var author = app.Visitor();
        var response = await app.CommentAsync(author, CommentKit.PathOf(journal, post), CommentKit.Fields("My first ever comment", "Nia", CommentKit.NewEmail()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var own = await author.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("Your comment is awaiting moderation.", own);
        Assert.Contains("My first ever comment", own);
        Assert.Contains("0 comments", own);
        var stranger = await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.DoesNotContain("My first ever comment", stranger);
        Assert.DoesNotContain("awaiting moderation", stranger);
        var ownerView = await (await app.SignedInVisitorAsync(owner)).GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.DoesNotContain("My first ever comment", ownerView);
        Assert.Contains("Comments (1 pending)", ownerView);
    }

    [Fact]
    public async Task A_remembered_thread_never_carries_one_readers_own_comment_or_yesterdays_text_to_another()
    {
        // Signed-in readers skip the shared page cache, so every page below is rendered through CommentThreadHtml.
        var (_, journal, post) = await app.OpenJournalAsync();
        await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post), CommentKit.Fields("First words", "Ann", CommentKit.NewEmail()));
        var first = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).Select(c => c.Id).SingleAsync());
        var rita = await app.SignedInVisitorAsync(await app.CreateUserAsync("Rita Reader"));
        var sam = await app.SignedInVisitorAsync(await app.CreateUserAsync("Sam Reader"));
        Assert.Contains("First words", await rita.GetStringAsync(CommentKit.PathOf(journal, post)));

        // Rita's own comment is editable only for her; Sam, who gets the same thread otherwise, never sees her edit link.
        await app.CommentAsync(rita, CommentKit.PathOf(journal, post), new() { ["Input.Text"] = "Rita was here" });
        var ritas = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id && c.Id != first).Select(c => c.Id).SingleAsync());
        Assert.DoesNotContain($"/comments/{ritas}/edit", await sam.GetStringAsync(CommentKit.PathOf(journal, post)));
        Assert.Contains($"/comments/{ritas}/edit", await rita.GetStringAsync(CommentKit.PathOf(journal, post)));
        Assert.DoesNotContain($"/comments/{ritas}/edit", await sam.GetStringAsync(CommentKit.PathOf(journal, post)));

        // A change made anywhere (here straight in the database, with the new stamp every writer gives the post) is on
        // the next page: the threads are remembered by the post's stamp and their HTML by its content (decision 0054).
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            await db.Comments.Where(c => c.Id == first).ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, "Second words"));
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentsStamp, Web.Journals.Post.NewCommentsStamp()));
        });
        var again = await sam.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("Second words", again);
        Assert.DoesNotContain("First words", again);
    }

    [Fact]
    public async Task Replies_nest_under_their_parent_with_in_reply_to_and_depth_is_capped_by_the_journal()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        await app.SetPolicyAsync(journal, s => s.ThreadDepth = 3);
        int? parent = null;
        var names = new[] { "Ann", "Ben", "Cat", "Dov", "Eli", "Fin", "Gus" };
        foreach (var name in names)
        {
            var outcome = await app.AddCommentAsync(journal, post, name, CommentKit.NewEmail(name), $"Message from {name}", parent);
            Assert.True(outcome.Stored, outcome.Message);
            parent = outcome.Comment!.Id;
        }
        var depths = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).OrderBy(c => c.Id).Select(c => c.Depth).ToListAsync());
        Assert.Equal([1, 2, 3, 3, 3, 3, 3], depths);

        var html = await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Equal(2, html.Split("<ol class=\"children\">").Length - 1);
        Assert.Contains("in reply to <a href=\"#comment-", html);
        Assert.Contains("<bdi>Fin</bdi></a></span>", html);
        Assert.Contains("7 comments", html);
    }

    [Fact]
    public async Task Without_javascript_a_reply_link_shows_the_form_under_the_comment_with_the_parent_quoted()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var parent = (await app.AddCommentAsync(journal, post, "Quentin", CommentKit.NewEmail(), "Quote me please")).Comment!;
        var client = app.Visitor();
        var html = await client.GetStringAsync(CommentKit.PathOf(journal, post) + $"?replyto={parent.Id}");
        var li = html[html.IndexOf($"id=\"comment-{parent.Id}\"", StringComparison.Ordinal)..];
        Assert.True(li.IndexOf("id=\"respond\"", StringComparison.Ordinal) < li.IndexOf("</li>", StringComparison.Ordinal));
        Assert.Contains("Replying to <strong data-replying-name><bdi>Quentin</bdi></strong>", html);
        Assert.Contains("Cancel reply</a>", html);
        Assert.Contains("<blockquote class=\"reply-quote\"", html);
        Assert.Contains($"name=\"Input.ParentId\" value=\"{parent.Id}\"", html);

        var response = await app.CommentAsync(client, CommentKit.PathOf(journal, post),
            CommentKit.Fields("Here is my answer", "Rae", CommentKit.NewEmail(), parentId: parent.Id), $"?replyto={parent.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reply = await app.DbAsync(db => db.Comments.SingleAsync(c => c.ParentId == parent.Id));
        Assert.Equal(2, reply.Depth);
        var payload = $"{{\"CommentId\":{reply.Id}}}";
        var types = await app.DbAsync(db => db.OutboxMessages.Where(m => m.Payload == payload).Select(m => m.Type).OrderBy(t => t).ToListAsync());
        Assert.Equal([Outbox.CommentToOwner, Outbox.ReplyToCommenter], types);
    }

    [Theory]
    [InlineData("other-post")]
    [InlineData("pending")]
    [InlineData("not-a-number")]
    [InlineData("missing")]
    public async Task A_forged_parent_is_refused_with_the_text_kept(string kind)
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var other = await app.CreatePostAsync(journal, owner, "Another post " + Guid.NewGuid().ToString("N")[..6], publishAtUtc: DateTime.UtcNow.AddHours(-1));
        var onOther = (await app.AddCommentAsync(journal, other, "Olga", CommentKit.NewEmail(), "Elsewhere")).Comment!;
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        var pending = (await app.AddCommentAsync(journal, post, "Pat", CommentKit.NewEmail(), "Held")).Comment!;
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Never);
        var parent = kind switch { "other-post" => onOther.Id.ToString(), "pending" => pending.Id.ToString(), "missing" => "99999999", _ => "abc" };

        var fields = CommentKit.Fields("My reply text", "Zed", CommentKit.NewEmail());
        fields["Input.ParentId"] = parent;
        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("My reply text</textarea>", html);
        Assert.Contains("replying to", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.DbAsync(db => db.Comments.CountAsync(c => c.PostId == post.Id && c.AuthorName == "Zed")));
    }

    [Fact]
    public async Task Hostile_text_and_names_are_encoded_everywhere()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var name = "<img src=x onerror=alert(1)>\u202Eevil\u200B";
        var outcome = await app.AddCommentAsync(journal, post, name, CommentKit.NewEmail(), "<script>alert('x')</script> javascript:alert(1) \"quoted\"");
        Assert.True(outcome.Stored, outcome.Message);
        var html = await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("<bdi>&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public async Task A_one_megabyte_comment_gets_a_message_not_an_error()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var response = await app.CommentAsync(app.Visitor(), CommentKit.PathOf(journal, post),
            CommentKit.Fields(new string('a', 1_000_000), "Meg", CommentKit.NewEmail()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the limit is 5,000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Closed_posts_show_no_form_and_refuse_comments()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentsOpen, false));
        });
        var client = app.Visitor();
        var html = await client.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("Comments are closed on this post.", html);
        Assert.DoesNotContain(">Post Comment</button>", html);
        var outcome = await app.AddCommentAsync(journal, post, "Late", CommentKit.NewEmail(), "Too late?");
        Assert.Equal(CommentOutcomeKind.Rejected, outcome.Kind);

        // Closed by age too.
        var old = await app.CreatePostAsync(journal, owner, "Old news", publishAtUtc: DateTime.UtcNow.AddDays(-40));
        await app.SetPolicyAsync(journal, s => s.CloseAfterDays = 30);
        Assert.Contains("Comments close 30 days after", await client.GetStringAsync(CommentKit.PathOf(journal, old)));
    }

    [Fact]
    public async Task Who_may_comment_is_enforced_for_signed_in_users_approved_readers_and_nobody()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var stranger = await app.CreateUserAsync("Stan Stranger");
        var member = await app.CreateUserAsync("Mel Member");
        await app.AddMemberAsync(journal, member, JournalRole.ApprovedReader);
        var path = CommentKit.PathOf(journal, post);

        await app.SetPolicyAsync(journal, s => s.WhoMayComment = CommentPermission.SignedInUsers);
        var anonymousHtml = await app.Visitor().GetStringAsync(path);
        Assert.Contains("Please sign in to comment", anonymousHtml);
        Assert.DoesNotContain(">Post Comment</button>", anonymousHtml);
        Assert.Equal(CommentOutcomeKind.Rejected, (await app.AddCommentAsync(journal, post, "Anon", CommentKit.NewEmail(), "Hello")).Kind);
        var strangerClient = await app.SignedInVisitorAsync(stranger);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CommentAsync(strangerClient, path, new() { ["Input.Text"] = "Signed in hello" })).StatusCode);

        await app.SetPolicyAsync(journal, s => s.WhoMayComment = CommentPermission.ApprovedReaders);
        Assert.Contains("Only approved readers", await strangerClient.GetStringAsync(path));
        var memberClient = await app.SignedInVisitorAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CommentAsync(memberClient, path, new() { ["Input.Text"] = "Member hello" })).StatusCode);

        await app.SetPolicyAsync(journal, s => s.WhoMayComment = CommentPermission.Nobody);
        Assert.Contains("Comments are turned off", await memberClient.GetStringAsync(path));
        Assert.Equal(2, await app.CountOfAsync(post));
        _ = owner;
    }

    [Fact]
    public async Task Comments_of_a_post_you_may_not_read_do_not_exist()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(JournalVisibility.Private);
        var stranger = await app.SignedInVisitorAsync(await app.CreateUserAsync());
        var path = CommentKit.PathOf(journal, post);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        var fields = CommentKit.Fields("Let me in", "Sly", CommentKit.NewEmail());
        var post404 = await stranger.PostAsync(path + "?handler=Comment", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, post404.StatusCode);
        Assert.Equal(CommentOutcomeKind.NotFound, (await app.AddCommentAsync(journal, post, "Sly", CommentKit.NewEmail(), "Let me in")).Kind);
        var draft = await app.CreatePostAsync(journal, owner, "Draft", status: PostStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/j/{journal.Slug}/posts/{draft.Slug}/comments.rss")).StatusCode);
    }

    [Fact]
    public async Task Fifty_threads_fill_a_page_and_the_next_thread_is_on_page_two()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            var start = DateTime.UtcNow.AddMinutes(-100);
            for (var i = 0; i < 51; i++)
                db.Comments.Add(new Comment { PostId = post.Id, AuthorName = $"Writer {i:00}", AuthorEmail = $"w{i}@x.test", Text = $"Thread number {i:00}.", Status = CommentStatus.Approved, CreatedAt = start.AddMinutes(i) });
            await db.SaveChangesAsync();
        });
        var client = app.Visitor();
        var first = await client.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("Thread number 00.", first);
        Assert.Contains("Thread number 49.", first);
        Assert.DoesNotContain("Thread number 50.", first);
        Assert.Contains("?cpage=2#comments", first);
        var second = await client.GetStringAsync(CommentKit.PathOf(journal, post) + "?cpage=2");
        Assert.Contains("Thread number 50.", second);
        Assert.DoesNotContain("Thread number 49.", second);
    }

    [Fact]
    public async Task A_long_conversation_read_shape_first_shows_the_same_threads_on_every_page()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        await app.SeedConversationAsync(post);
        var path = CommentKit.PathOf(journal, post);
        var client = app.Visitor();
        async Task<string[]> ThreadsAsync()
        {
            var pages = new List<string>();
            foreach (var page in new[] { "", "?cpage=1", "?cpage=2" })
            {
                var html = await client.GetStringAsync(path + page);
                var start = html.IndexOf("<ol class=\"comment-list\">", StringComparison.Ordinal);
                pages.Add(html[start..html.IndexOf("<div id=\"respond-home\">", start, StringComparison.Ordinal)]);
            }
            return [.. pages];
        }
        var readWhole = await ThreadsAsync();

        // The stored count now says the post is long, so the section reads the thread's shape before the page's rows.
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Web.Data.JournalsDbContext>().Posts.Where(p => p.Id == post.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.CommentCount, CommentThreads.ShapeFirstAbove + 1));
            await sp.GetRequiredService<Web.Caching.PageCacheEviction>().CommentsChangedAsync(journal.Id, post.Id);
        });
        var readShapeFirst = await ThreadsAsync();

        Assert.Equal(readWhole, readShapeFirst);
        Assert.Contains("Thanks, 49.", readShapeFirst[0]);
        Assert.DoesNotContain("Thread number 50.", readShapeFirst[0]);
        Assert.Contains("Thanks, 59.", readShapeFirst[2]);
        Assert.DoesNotContain("Thread number 49.", readShapeFirst[2]);
        Assert.DoesNotContain("Held under", string.Concat(readShapeFirst));
    }

    [Fact]
    public async Task Ticking_remember_me_fills_the_form_next_time_and_unticking_forgets()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var client = app.Visitor();
        var email = CommentKit.NewEmail("remember");
        var fields = CommentKit.Fields("First", "Rem Ember", email, "https://rem.example");
        fields["Input.Remember"] = "true";
        await app.CommentAsync(client, CommentKit.PathOf(journal, post), fields);
        var html = await client.GetStringAsync(CommentKit.PathOf(journal, post));
        Assert.Contains("value=\"Rem Ember\"", html);
        Assert.Contains($"value=\"{email}\"", html);
        Assert.Contains("name=\"Input.Remember\" value=\"true\" checked=\"checked\"", html);

        await app.CommentAsync(client, CommentKit.PathOf(journal, post), CommentKit.Fields("Second", "Rem Ember", email));
        Assert.DoesNotContain($"value=\"{email}\"", await client.GetStringAsync(CommentKit.PathOf(journal, post)));
    }

    [Fact]
    public async Task A_commenter_edits_and_deletes_their_own_comment_for_fifteen_minutes_by_cookie()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var author = app.Visitor();
        await app.CommentAsync(author, CommentKit.PathOf(journal, post), CommentKit.Fields("Tpyo here", "Ed", CommentKit.NewEmail()));
        var id = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).Select(c => c.Id).SingleAsync());
        Assert.Contains($"/comments/{id}/edit", await author.GetStringAsync(CommentKit.PathOf(journal, post)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/comments/{id}/edit")).StatusCode);

        var form = await Forms.GetAsync(author, $"/comments/{id}/edit");
        var saved = await form.PostAsync(author, new() { ["Text"] = "Typo fixed" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Typo fixed", await app.Visitor().GetStringAsync(CommentKit.PathOf(journal, post)));

        form = await Forms.GetAsync(author, $"/comments/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(author, [], $"/comments/{id}/edit?handler=Delete")).StatusCode);
        Assert.Equal(CommentStatus.Trash, await app.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.CountOfAsync(post));

        // After the window the link and the page are gone.
        var later = (await app.AddCommentAsync(journal, post, "Ed", CommentKit.NewEmail(), "Old words")).Comment!;
        await app.WithScopeAsync(sp => sp.GetRequiredService<Web.Data.JournalsDbContext>().Comments.Where(c => c.Id == later.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddMinutes(-16))));
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/comments/{later.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task Ip_hashes_older_than_thirty_days_are_cleared()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var old = (await app.AddCommentAsync(journal, post, "Olde", CommentKit.NewEmail(), "Long ago", ip: IPAddress.Parse("192.0.2.7"))).Comment!;
        var recent = (await app.AddCommentAsync(journal, post, "Nu", CommentKit.NewEmail(), "Just now", ip: IPAddress.Parse("192.0.2.7"))).Comment!;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            await db.Comments.Where(c => c.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddDays(-31)));
            await IpHashCleanup.RunOnceAsync(db, DateTime.UtcNow, 30, default);
        });
        Assert.Null(await app.DbAsync(db => db.Comments.Where(c => c.Id == old.Id).Select(c => c.IpHash).SingleAsync()));
        Assert.NotNull(await app.DbAsync(db => db.Comments.Where(c => c.Id == recent.Id).Select(c => c.IpHash).SingleAsync()));
    }
}

public sealed class CommentPostingTestsOnSqlite(CommentsSqliteApp app) : CommentPostingTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class CommentPostingTestsOnPostgres(CommentsPostgresApp app) : CommentPostingTests(app), IClassFixture<CommentsPostgresApp>;
