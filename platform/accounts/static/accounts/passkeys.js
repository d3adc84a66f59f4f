// Passkeys (toegangssleutels): allauth's own scripts (mfa/js/webauthn.js) do the WebAuthn work. This file only
// shows the passkey buttons where the browser can use a passkey, and says so in Dutch when it did not work.
// Without JavaScript or WebAuthn the buttons stay hidden and a short note says why; password and e-mail code
// keep working.
if (window.PublicKeyCredential) {
  for (const element of document.querySelectorAll("[data-passkey]")) element.hidden = false;
  for (const element of document.querySelectorAll("[data-passkey-missing]")) element.hidden = true;
  document.addEventListener("allauth.error", (event) => {
    const status = document.querySelector("[data-passkey-status]");
    if (!status) return;
    event.preventDefault();
    console.debug("passkey not used", event.detail.exception);
    status.textContent = status.dataset.msgFailed;
    status.hidden = false;
  });
}
