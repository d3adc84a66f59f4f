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
