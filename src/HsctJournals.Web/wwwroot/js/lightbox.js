// A larger view of a post's photos. Progressive enhancement: without JavaScript each picture is a link to
// its full-size JPEG, which still works. With it, following such a link opens a modal <dialog> instead:
// the browser makes the rest of the page inert while it is open and closes it on Escape; Left/Right (and
// Home/End) move through the photos of the same gallery; on closing, focus goes back to the thumbnail of the
// photo last shown, so keyboard and screen-reader users are where they left off.
(function () {
    "use strict";
    var links = Array.prototype.slice.call(document.querySelectorAll("a.photo-full"));
    if (links.length === 0 || typeof HTMLDialogElement !== "function") return;

    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-labelledby", "lightbox-title");
    dialog.innerHTML =
        '<h2 id="lightbox-title" class="visually-hidden">Photo viewer</h2>' +
        '<figure><img alt=""><figcaption></figcaption></figure>' +
        '<p class="lightbox-position" aria-live="polite"></p>' +
        '<p class="lightbox-help">Left and right arrow keys move between photos; Escape closes.</p>' +
        '<div class="lightbox-buttons">' +
        '<button type="button" data-move="-1">Previous</button>' +
        '<button type="button" data-move="1">Next</button>' +
        '<button type="button" data-close autofocus>Close</button>' +
        '</div>';
    document.body.appendChild(dialog);
    var image = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var position = dialog.querySelector(".lightbox-position");
    var previous = dialog.querySelector("[data-move='-1']");
    var next = dialog.querySelector("[data-move='1']");
    var group = [];
    var index = 0;

    // The photos shown together with a link: its gallery, or the link alone for a single figure.
    var groupOf = function (link) {
        var gallery = link.closest(".gallery");
        return gallery ? Array.prototype.slice.call(gallery.querySelectorAll("a.photo-full")) : [link];
    };

    var show = function (i) {
        index = Math.max(0, Math.min(group.length - 1, i));
        var link = group[index];
        var thumbnail = link.querySelector("img");
        var figcaption = link.closest("figure") && link.closest("figure").querySelector("figcaption");
        image.src = link.getAttribute("href");
        image.alt = thumbnail ? thumbnail.alt : "";
        if (link.dataset.width) { image.width = +link.dataset.width; image.height = +link.dataset.height; }
        caption.textContent = figcaption ? figcaption.textContent : "";
        caption.hidden = !figcaption;
        position.textContent = group.length > 1 ? "Photo " + (index + 1) + " of " + group.length : "";
        previous.hidden = next.hidden = group.length < 2;
        previous.disabled = index === 0;
        next.disabled = index === group.length - 1;
        // A button that has just been disabled (Next on the last photo) cannot keep the focus; Close takes it.
        if (dialog.open && document.activeElement && document.activeElement.disabled) dialog.querySelector("[data-close]").focus();
    };

    links.forEach(function (link) {
        link.addEventListener("click", function (event) {
            // A new tab or window, or a download, stays the browser's business.
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            group = groupOf(link);
            show(group.indexOf(link));
            dialog.showModal();
        });
    });

    dialog.addEventListener("click", function (event) {
        var move = event.target.closest && event.target.closest("[data-move]");
        if (move) show(index + Number(move.getAttribute("data-move")));
        else if (event.target.closest && event.target.closest("[data-close]")) dialog.close();
        // A click on the backdrop lands on the dialog itself.
        else if (event.target === dialog) dialog.close();
    });

    dialog.addEventListener("keydown", function (event) {
        var moves = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: group.length - 1 };
        if (!(event.key in moves)) return;
        event.preventDefault();
        show(moves[event.key]);
    });

    dialog.addEventListener("close", function () {
        var link = group[index];
        image.removeAttribute("src");
        if (link) link.focus();
    });
})();
