// Live notices and notifications over /ws/notices/, with polling as the fallback.
// Dependency-free. Every page works without this file: the feed page by reload.

const POLL_MS = 15000;
const STORE = "wijk-live";
const feed = document.querySelector("[data-live-feed]");
const notificationsLink = document.querySelector("[data-notifications-link]");
const accountLink = document.querySelector("[data-account-link]");
const feedStatus = document.querySelector("[data-live-status]");

function readStore() {
  try {
    return JSON.parse(window.sessionStorage.getItem(STORE)) || {};
  } catch {
    return {};
  }
}

const stored = readStore();
const state = {
  lastNotice: Math.max(Number(feed?.dataset.lastNotice || 0), Number(stored.lastNotice || 0)),
  lastNotification: Math.max(
    Number(notificationsLink?.dataset.lastNotification || 0),
    Number(stored.lastNotification || 0),
  ),
};
// Without a feed on the page there is no list of notices to complete: only announce what comes next.
const noticesKnown = Boolean(feed) || Boolean(stored.lastNotice);
// A feed page tells the tab which notice it saw last, so that other pages can poll for newer ones.
if (feed) {
  try {
    window.sessionStorage.setItem(STORE, JSON.stringify(state));
  } catch {
    /* private mode: the other pages then only hear of notices over the WebSocket */
  }
}

function saveStore() {
  try {
    window.sessionStorage.setItem(STORE, JSON.stringify(state));
  } catch {
    /* private mode: fine, the page still works */
  }
}

function ensureStylesheet() {
  const href = new URL("notices.css", import.meta.url).href;
  if (![...document.styleSheets].some((sheet) => sheet.href === href)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }
}

function liveRegion() {
  let region = document.querySelector("[data-live-toast]");
  if (!region) {
    ensureStylesheet();
    region = document.createElement("div");
    region.className = "live-toast";
    region.dataset.liveToast = "";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.append(region);
  }
  return region;
}

function announce(text, href) {
  const region = liveRegion();
  const line = document.createElement("p");
  if (href) {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    line.append(link);
  } else {
    line.textContent = text;
  }
  region.append(line);
  window.setTimeout(() => line.remove(), 12000);
}

// Labels from the page (translated); a page without a feed has none and uses these, by the page's language.
const FALLBACK = {
  nl: {
    "urgent-label": "Spoed",
    "close-label": "Sluiten",
    "seen-none": "Nog niemand heeft dit gezien",
    "seen-one": "lid heeft dit gezien",
    "seen-other": "leden hebben dit gezien",
  },
  en: {
    "urgent-label": "Urgent",
    "close-label": "Close",
    "seen-none": "Nobody has seen this yet",
    "seen-one": "member has seen this",
    "seen-other": "members have seen this",
  },
};
function label(name) {
  const words = FALLBACK[document.documentElement.lang === "en" ? "en" : "nl"];
  return document.querySelector(`[data-${name}]`)?.getAttribute(`data-${name}`) || words[name];
}

// An urgent notice on any other page: a "Spoed" banner that stays until the member closes it.
function announceUrgent(message) {
  ensureStylesheet();
  let stack = document.querySelector("[data-urgent-stack]");
  if (!stack) {
    stack = document.createElement("div");
    stack.className = "urgent-stack";
    stack.dataset.urgentStack = "";
    stack.setAttribute("role", "alert");
    document.body.prepend(stack);
  }
  const box = document.createElement("div");
  box.className = "urgent-banner";
  const tag = document.createElement("strong");
  tag.className = "tag tag--danger";
  tag.textContent = label("urgent-label");
  const link = document.createElement("a");
  link.href = `/buurtpreventie/${encodeURIComponent(message.group)}/#melding-${message.id}`;
  link.textContent = message.street ? `${message.text} (${message.street})` : message.text;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "button button--secondary urgent-banner__close";
  close.textContent = label("close-label");
  close.addEventListener("click", () => box.remove());
  box.append(tag, document.createTextNode(" "), link, close);
  stack.append(box);
}

function showSeenCount(message) {
  const target = feed?.querySelector(`[data-notice="${message.notice}"] [data-seen-count]`);
  if (!target) return;
  if (!message.count) {
    target.textContent = label("seen-none");
    return;
  }
  const word = message.count === 1 ? label("seen-one") : label("seen-other");
  target.textContent = `${message.count} ${word}`;
}

function bumpBadge() {
  if (!accountLink) return;
  let badge = accountLink.querySelector("[data-notification-badge]");
  if (!badge) {
    badge = document.createElement("span");
    badge.className = "badge";
    badge.dataset.notificationBadge = "";
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ` ${document.documentElement.lang === "en" ? "new notifications" : "nieuwe meldingen"}`;
    badge.append(document.createTextNode("0"), hidden);
    accountLink.append(badge);
  }
  const count = badge.firstChild;
  count.textContent = String(Number(count.textContent || 0) + 1);
}

function levelLabel(level) {
  const labels = document.querySelector("[data-level-labels]");
  const key = level.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  return labels?.dataset[key] || level;
}

function renderNotice(message) {
  const template = document.querySelector("[data-notice-template]");
  if (!template || feed.querySelector(`[data-notice="${message.id}"]`)) return;
  const item = template.content.firstElementChild.cloneNode(true);
  item.id = `melding-${message.id}`;
  item.dataset.notice = String(message.id);
  item.classList.add(`notice--${message.level}`, "notice--new");
  const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
  slot("level").textContent = levelLabel(message.level);
  if (message.level === "urgent") slot("level").classList.add("tag--danger");
  slot("street").textContent = message.street || "";
  slot("text").textContent = message.text;
  slot("author").textContent = message.author;
  const created = new Date(message.created);
  const lang = document.documentElement.lang || "nl";
  slot("created").dateTime = message.created;
  // "vr 4 dec 20:20", as the server writes it (Django's "D j b H:i"), without a comma in between.
  slot("created").textContent = [
    new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short" }).format(created),
    new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(created),
  ].join(" ");
  const report = item.querySelector("[data-report-link]");
  if (report) report.href = report.dataset.reportBase.replace(/\/0\/$/, `/${message.id}/`);
  if (message.level !== "urgent") {
    for (const form of item.querySelectorAll("[data-urgent-only]")) form.remove();
  }
  slot("seen").textContent = `0 ${label("seen-other")}`;
  for (const form of item.querySelectorAll("form[data-action]")) {
    form.action = `${feed.dataset.baseUrl}melding/${message.id}/${form.dataset.action}`;
  }
  feed.querySelector("[data-empty]")?.remove();
  feed.prepend(item);
}

function isThisPage(url) {
  if (!url) return false;
  try {
    return new URL(url, window.location.href).pathname === window.location.pathname;
  } catch {
    return false;
  }
}

// The open conversation takes in what changed, read again from the page itself: new messages are added
// (the one being read keeps its place), and the other parts are replaced unless the user is in one of them.
async function refreshConversation() {
  try {
    const response = await fetch(window.location.pathname, { credentials: "same-origin" });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const part of document.querySelectorAll("[data-live-part]")) {
      const fresh = page.querySelector(`[data-live-part="${part.dataset.livePart}"]`);
      if (!fresh) continue;
      if (part.dataset.livePart === "chat") {
        for (const item of fresh.children) {
          if (item.id && !document.getElementById(item.id)) part.append(item.cloneNode(true));
        }
      } else if (!part.contains(document.activeElement)) {
        part.replaceWith(fresh);
      }
    }
  } catch (error) {
    console.debug("conversation refresh failed", error);
  }
}

function handle(message) {
  if (!message || typeof message !== "object") return;
  if (message.type === "notice") {
    if (message.id <= state.lastNotice && noticesKnown) return;
    state.lastNotice = Math.max(state.lastNotice, message.id);
    if (feed && feed.dataset.liveFeed === message.group) {
      renderNotice(message);
      announce(`${levelLabel(message.level)}: ${message.text}`);
    } else if (message.level === "urgent") {
      announceUrgent(message);
    } else {
      announce(`${message.text}`, `/buurtpreventie/${encodeURIComponent(message.group)}/`);
    }
  } else if (message.type === "seen") {
    showSeenCount(message);
  } else if (message.type === "status") {
    const target = feed?.querySelector(`[data-notice="${message.notice}"] [data-notice-status]`);
    if (target) {
      const strong = document.createElement("strong");
      strong.textContent = message.status.charAt(0).toUpperCase() + message.status.slice(1);
      target.replaceChildren(strong, document.createTextNode(` (${message.by})`));
    }
  } else if (message.type === "notification") {
    if (message.id <= state.lastNotification) return;
    state.lastNotification = message.id;
    if (isThisPage(message.url) && document.querySelector("[data-live-part]")) {
      refreshConversation();
      announce(message.text);
    } else {
      bumpBadge();
      announce(message.text, message.url || "/mijn/meldingen/");
    }
  }
  saveStore();
}

function resumeMessage() {
  return {
    type: "resume",
    last_notice: noticesKnown ? state.lastNotice : null,
    last_notification: state.lastNotification,
  };
}

let pollTimer = null;

async function poll() {
  const params = new URLSearchParams({ since_notification: String(state.lastNotification) });
  if (noticesKnown) params.set("since_notice", String(state.lastNotice));
  try {
    const response = await fetch(`/buurtpreventie/live/?${params}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.ok) {
      const data = await response.json();
      for (const message of data.messages || []) handle(message);
    }
  } catch (error) {
    console.debug("polling failed", error);
  }
}

function startPolling() {
  if (pollTimer) return;
  if (feedStatus) feedStatus.textContent = feedStatus.dataset.polling || "";
  poll();
  pollTimer = window.setInterval(poll, POLL_MS);
}

// back-off:start
const RECONNECT_BASE_MS = 2000;
const RECONNECT_MAX_MS = 60000;
// A connection that stayed open this long was healthy: the next reconnect starts from the beginning.
const STABLE_MS = 60000;

// The wait before reconnect number `attempt` (1, 2, ...): it doubles each time up to a minute, and a
// random half of it is jitter, so the pages that lost their connection together do not return together.
export function reconnectDelay(attempt, random = Math.random) {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 10) - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

// The attempt number after a close: it grows also after a connection that was open (a server restart
// closes every open page at once), unless that connection stayed open long enough to count as healthy.
export function nextAttempt(attempt, openedFor) {
  return openedFor !== null && openedFor >= STABLE_MS ? 1 : attempt + 1;
}
// back-off:end

let failures = 0;
let attempt = 0;

function connect() {
  if (!("WebSocket" in window)) {
    startPolling();
    return;
  }
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  let socket;
  try {
    socket = new WebSocket(`${scheme}://${window.location.host}/ws/notices/`);
  } catch {
    startPolling();
    return;
  }
  let openedAt = null;
  socket.addEventListener("open", () => {
    openedAt = Date.now();
    failures = 0;
    if (pollTimer) {
      window.clearInterval(pollTimer);
      pollTimer = null;
    }
    socket.send(JSON.stringify(resumeMessage()));
  });
  socket.addEventListener("message", (event) => {
    try {
      handle(JSON.parse(event.data));
    } catch (error) {
      console.debug("bad message", error);
    }
  });
  socket.addEventListener("close", () => {
    failures += openedAt === null ? 1 : 0;
    if (failures >= 2) startPolling();
    // Try the WebSocket again later; polling keeps the page current meanwhile.
    attempt = nextAttempt(attempt, openedAt === null ? null : Date.now() - openedAt);
    window.setTimeout(connect, reconnectDelay(attempt));
  });
}

connect();
