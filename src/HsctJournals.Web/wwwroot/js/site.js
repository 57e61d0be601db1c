// Progressive enhancement only: every feature here also works without JavaScript.
(function () {
    "use strict";
    // Live Markdown preview in the post editor. Without JS the Preview button posts the form.
    var editor = document.querySelector("[data-live-preview]");
    if (editor) {
        var source = editor.querySelector("textarea[name='Input.Markdown']");
        var target = document.getElementById("live-preview");
        var token = editor.querySelector("input[name='__RequestVerificationToken']");
        var timer = null;
        var render = function () {
            var body = new URLSearchParams();
            body.set("markdown", source.value);
            fetch(editor.getAttribute("data-live-preview"), {
                method: "POST",
                headers: { "RequestVerificationToken": token ? token.value : "" },
                body: body
            }).then(function (r) { return r.ok ? r.text() : null; })
              .then(function (html) { if (html !== null) { target.innerHTML = html; target.hidden = false; } });
        };
        if (source && target) {
            source.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(render, 400); });
        }
    }
})();
