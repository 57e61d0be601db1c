// Passkeys (decision 0026). A form marked data-passkey asks the server for WebAuthn options, lets the browser make
// ("create") or use ("get") a passkey, puts the browser's answer in the form's CredentialJson field and posts the
// form as usual; the server checks everything. Without this script (or without WebAuthn) the forms stay hidden and
// the page's data-passkey-unsupported note stays visible.
(() => {
    "use strict";
    const api = window.PublicKeyCredential;
    if (!api || typeof api.parseCreationOptionsFromJSON !== "function" || typeof api.parseRequestOptionsFromJSON !== "function") return;

    for (const note of document.querySelectorAll("[data-passkey-unsupported]")) note.hidden = true;
    for (const form of document.querySelectorAll("form[data-passkey]")) {
        form.hidden = false;
        const field = form.querySelector("input[name=CredentialJson]");
        const status = form.querySelector("[data-passkey-status]");
        const creating = form.dataset.passkey === "create";
        form.addEventListener("submit", async (event) => {
            if (field.value) return;
            event.preventDefault();
            if (status) status.textContent = "";
            try {
                const body = new FormData();
                const token = form.querySelector("input[name=__RequestVerificationToken]");
                if (token) body.append(token.name, token.value);
                const response = await fetch(form.dataset.passkeyOptions, { method: "POST", body, credentials: "same-origin" });
                if (!response.ok) throw new Error("options " + response.status);
                const options = await response.json();
                const credential = creating
                    ? await navigator.credentials.create({ publicKey: api.parseCreationOptionsFromJSON(options) })
                    : await navigator.credentials.get({ publicKey: api.parseRequestOptionsFromJSON(options) });
                if (!credential) throw new Error("no credential");
                field.value = JSON.stringify(credential);
                form.submit();
            } catch (error) {
                if (status) {
                    status.textContent = creating
                        ? "No passkey was made. You may have cancelled, or this device cannot make one. Please try again."
                        : "No passkey was used. You may have cancelled, or this device has no passkey for this site.";
                }
            }
        });
    }
})();
