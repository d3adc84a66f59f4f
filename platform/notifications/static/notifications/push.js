// Push messages on this device: only after the member taps the button, never on page load.
// Progressive enhancement: without JavaScript or push support the button stays hidden.
const box = document.querySelector("[data-push-enable]");

const fromBase64Url = (text) => {
  const padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
};

const csrfToken = () => {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
};

const deviceLabel = () => {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const system = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iPhone of iPad" : /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "Mac" : /Linux/.test(ua) ? "Linux" : "";
  return system ? `${browser} op ${system}` : browser;
};

if (box && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window) {
  const button = box.querySelector("[data-push-button]");
  const status = box.querySelector("[data-push-status]");
  const say = (text) => {
    status.textContent = text;
  };
  button.hidden = false;

  button.addEventListener("click", async () => {
    button.disabled = true;
    say(box.dataset.msgBusy);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        say(box.dataset.msgDenied);
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js");
      await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ||
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: fromBase64Url(box.dataset.pushKey),
        }));
      const body = { ...subscription.toJSON(), label: deviceLabel() };
      const response = await fetch(box.dataset.pushUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        await subscription.unsubscribe();
        say(data.error || box.dataset.msgFailed);
        return;
      }
      say(data.message || box.dataset.msgDone);
      window.setTimeout(() => window.location.reload(), 1200);
    } catch (error) {
      console.debug("push subscription failed", error);
      say(box.dataset.msgFailed);
    } finally {
      button.disabled = false;
    }
  });
}
