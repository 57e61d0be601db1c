// Progressive enhancement for the comment form: "Reply" moves the form under the comment instead of
// loading a new page. Without JavaScript the Reply link loads ?replyto=ID, which does the same on the server.
(function () {
    "use strict";
    var respond = document.getElementById("respond");
    var home = document.getElementById("respond-home");
    if (!respond || !home) { return; }
    var parentField = respond.querySelector("[data-parent-field]");
    var replying = respond.querySelector("[data-replying]");
    var replyingName = respond.querySelector("[data-replying-name]");
    var cancel = respond.querySelector("[data-cancel-reply]");
    var text = respond.querySelector("textarea");
    if (!parentField || !replying || !replyingName || !cancel) { return; }

    function dropQuote() {
        // The server-rendered quote belongs to the no-JS reply page; inline replies sit right under the comment.
        var quote = respond.querySelector("[data-reply-quote]");
        if (quote) { quote.parentNode.removeChild(quote); }
    }

    document.addEventListener("click", function (event) {
        // The comment is the link's own <li id="comment-ID">; its author's name is in #comment-ID-author (the thread's
        // markup carries nothing more per comment, it is sent 200 times on a long thread).
        var link = event.target.closest ? event.target.closest("a.comment-reply") : null;
        var item = link ? link.closest("li.comment") : null;
        var id = item ? item.id.replace("comment-", "") : "";
        var article = item ? item.querySelector("article") : null;
        if (!/^[0-9]+$/.test(id) || !article) { return; }
        var author = document.getElementById("comment-" + id + "-author");
        event.preventDefault();
        dropQuote();
        article.parentNode.insertBefore(respond, article.nextSibling);
        parentField.value = id;
        replyingName.textContent = author ? author.textContent.trim() : "";
        replying.hidden = false;
        if (text) { text.focus(); }
    });

    cancel.addEventListener("click", function (event) {
        event.preventDefault();
        dropQuote();
        home.appendChild(respond);
        parentField.value = "";
        replying.hidden = true;
        if (text) { text.focus(); }
    });
})();
