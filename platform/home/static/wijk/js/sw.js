// Service worker: the site opens offline with the last pages seen, and static files come from the cache.
const VERSION = "wijk-v3";
const OFFLINE_URL = "/offline/";
// The last agenda viewed, whatever its filters, is also kept under this key: offline, /agenda/ opens it.
const LAST_AGENDA = "/agenda/";
const isAgenda = (path) => path === LAST_AGENDA;
// Only public pages are kept for offline use: never a member's feed, messages or forms, which could be
// read by the next person on a shared computer.
const PUBLIC_PAGES = ["/", "/agenda/", "/inloopspreekuren/", "/verhalen/", "/organisaties/", "/vraag-en-aanbod/"];
const isPublicPage = (path) =>
  PUBLIC_PAGES.includes(path) ||
  (path.startsWith("/agenda/") && !/\/(nieuw|wijzigen|afgelasten|reeks-stoppen|goedkeuren|datum|gaat-door)\b/.test(path)) ||
  (path.startsWith("/verhalen/") && !path.startsWith("/verhalen/insturen/")) ||
  path.startsWith("/organisaties/");

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll([OFFLINE_URL])));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k)))),
  );
  self.clients.claim();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith("/static/")) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(request, copy));
            return response;
          }),
      ),
    );
    return;
  }

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && isPublicPage(url.pathname)) {
            const copy = response.clone();
            const agendaCopy = isAgenda(url.pathname) ? response.clone() : null;
            caches.open(VERSION).then((cache) => {
              cache.put(request, copy);
              if (agendaCopy) cache.put(LAST_AGENDA, agendaCopy);
            });
          }
          return response;
        })
        .catch(() =>
          caches
            .match(request)
            .then((hit) => hit || (isAgenda(url.pathname) ? caches.match(LAST_AGENDA) : null))
            .then((hit) => hit || caches.match(OFFLINE_URL)),
        ),
    );
  }
});

// Web Push: show the message the server sent (title, text, page to open); a tap opens that page.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = { body: event.data ? event.data.text() : "" };
  }
  const title = data.title || "Wij(k) de Ruwaard";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || "",
      tag: data.tag,
      icon: "/static/wijk/img/icon.svg",
      badge: "/static/wijk/img/icon.svg",
      requireInteraction: Boolean(data.urgent),
      data: { url: data.url || "/mijn/meldingen/" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || "/", self.location.origin);
  // Only pages of this site are opened.
  const url = target.origin === self.location.origin ? target.href : self.location.origin + "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === url);
      if (open) return open.focus();
      return self.clients.openWindow(url);
    }),
  );
});
