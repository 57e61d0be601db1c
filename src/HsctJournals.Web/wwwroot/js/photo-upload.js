// Photos in the post editor, as progressive enhancement. Without JavaScript the form's own file input and
// its "Upload and add to the text" button do the same work (references go to the end of the text).
// With it: choose, drop or paste photos; each is sent on its own with a progress bar, one after another,
// and its reference is inserted where the cursor was in the text.
(function () {
    "use strict";
    var form = document.querySelector("form[data-photo-upload]");
    if (!form || !window.FormData || !window.XMLHttpRequest) return;
    var box = document.getElementById("photo-add");
    var input = document.getElementById("photo-files");
    var text = form.querySelector("textarea[name='Input.Markdown']");
    var list = box && box.querySelector(".photo-progress");
    var alt = document.getElementById("photo-alt");
    var decorative = document.getElementById("photo-decorative");
    var caption = document.getElementById("photo-caption");
    var token = form.querySelector("input[name='__RequestVerificationToken']");
    var button = box && box.querySelector("[data-photo-button]");
    if (!box || !input || !text || !list || !alt || !decorative || !token) return;

    box.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    // Photos go up as soon as they are chosen, so the button (and sending them again with Save) is not needed.
    if (button) button.hidden = true;

    // Where the next photo goes: the cursor in the text, remembered when the focus moves to the photo fields.
    var cursor = null;
    var remember = function () { cursor = { start: text.selectionStart, end: text.selectionEnd }; };
    ["keyup", "click", "select", "input", "blur"].forEach(function (type) { text.addEventListener(type, remember); });

    var insert = function (markdown) {
        var value = text.value;
        var start = cursor ? cursor.start : value.length, end = cursor ? cursor.end : start;
        var before = value.slice(0, start), after = value.slice(end);
        // A photo sits on a line of its own; photos on consecutive lines become one gallery.
        var lead = before === "" || before.slice(-1) === "\n" ? "" : "\n\n";
        var tail = after === "" || after.charAt(0) === "\n" ? "\n" : "\n\n";
        text.value = before + lead + markdown + tail + after;
        var at = before.length + lead.length + markdown.length + 1;
        cursor = { start: at, end: at };
        text.dispatchEvent(new Event("input", { bubbles: true }));
    };

    var queue = [], busy = false;
    var next = function () {
        if (busy || queue.length === 0) return;
        busy = true;
        send(queue.shift(), function () { busy = false; next(); });
    };

    var row = function (name) {
        var li = document.createElement("li");
        var label = document.createElement("span");
        label.textContent = name;
        var bar = document.createElement("progress");
        bar.max = 100; bar.value = 0;
        bar.setAttribute("aria-label", "Uploading " + name);
        var status = document.createElement("span");
        status.textContent = "waiting";
        li.append(label, bar, status);
        list.appendChild(li);
        return { li: li, bar: bar, status: status };
    };

    var finish = function (item, ok, message) {
        if (ok) item.bar.value = 100;
        item.status.textContent = " — " + message;
        item.li.className = ok ? "added" : "refused";
    };

    var send = function (job, done) {
        var item = job.item;
        item.status.textContent = "uploading";
        var body = new FormData();
        body.append("AltText", job.alt);
        body.append("Decorative", job.decorative ? "true" : "false");
        body.append("Caption", job.caption);
        body.append("files", job.file, job.file.name || "pasted-photo.png");
        var xhr = new XMLHttpRequest();
        xhr.open("POST", form.getAttribute("data-photo-upload"));
        xhr.setRequestHeader("RequestVerificationToken", token.value);
        xhr.upload.addEventListener("progress", function (e) {
            if (e.lengthComputable) item.bar.value = Math.round(e.loaded / e.total * 100);
        });
        xhr.addEventListener("load", function () {
            var answer = null;
            try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
            if (answer && answer.added && answer.added.length) {
                answer.added.forEach(function (photo) { insert(photo.markdown); });
                finish(item, true, answer.added[0].alreadyThere ? "already in this journal; added to the text" : "added to the text");
            } else {
                finish(item, false, answer && answer.refused && answer.refused.length ? answer.refused.join(" ")
                    : "not added (the server answered " + xhr.status + "). Try again, or use the button without JavaScript.");
            }
            done();
        });
        xhr.addEventListener("error", function () { finish(item, false, "the upload did not finish (connection lost). Try again."); done(); });
        xhr.send(body);
    };

    var add = function (files) {
        var photos = Array.prototype.filter.call(files, function (f) { return f && f.size !== undefined; });
        if (photos.length === 0) return;
        if (alt.value.trim() === "" && !decorative.checked) {
            var li = document.createElement("li");
            li.className = "refused";
            li.textContent = "Write the alt text first (or tick “Decorative only”), then add the photos again. " + (alt.getAttribute("data-why") || "");
            list.appendChild(li);
            alt.focus();
            return;
        }
        photos.forEach(function (file) {
            queue.push({ file: file, alt: alt.value, decorative: decorative.checked, caption: caption ? caption.value : "", item: row(file.name || "pasted photo") });
        });
        next();
    };

    input.addEventListener("change", function () { add(input.files); input.value = ""; });

    var hasFiles = function (e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0; };
    [box, text].forEach(function (zone) {
        zone.addEventListener("dragover", function (e) {
            if (!hasFiles(e)) return;
            e.preventDefault();
            zone.classList.add("dragging");
        });
        zone.addEventListener("dragleave", function () { zone.classList.remove("dragging"); });
        zone.addEventListener("drop", function (e) {
            zone.classList.remove("dragging");
            if (!hasFiles(e)) return;
            e.preventDefault();
            if (zone === text) {
                text.focus();
                remember();
            }
            add(e.dataTransfer.files);
        });
    });

    text.addEventListener("paste", function (e) {
        var files = e.clipboardData && e.clipboardData.files;
        if (!files || files.length === 0) return;
        e.preventDefault();
        remember();
        add(files);
    });
})();
