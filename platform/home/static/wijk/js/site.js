// Small progressive enhancements. Every page works without this file.

// Search suggestions: fill the <datalist> of the search box while typing.
const input = document.querySelector("[data-suggest-url]");
if (input && input.list) {
  let timer = null;
  let controller = null;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = window.setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(q)}`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const data = await response.json();
        input.list.replaceChildren(
          ...(data.suggestions || []).map((item) => {
            const option = document.createElement("option");
            option.value = typeof item === "string" ? item : item.text;
            return option;
          }),
        );
      } catch (error) {
        if (error.name !== "AbortError") console.debug("suggestions unavailable", error);
      }
    }, 200);
  });
}

// Print buttons: <button data-print> opens the print dialog.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Offline support: a service worker for the whole site (served from /sw.js so its scope is "/").
if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("/sw.js").catch((error) => console.debug("no service worker", error));
}

// Filters: folded on a phone, open on a wide screen (CSS does this too where ::details-content works).
const wide = window.matchMedia("(min-width: 48rem)");
const unfoldFilters = () => {
  if (!wide.matches) return;
  for (const panel of document.querySelectorAll("[data-filter-panel]")) panel.open = true;
};
unfoldFilters();
wide.addEventListener("change", unfoldFilters);

// Header menus: one open at a time; Escape or a tap outside closes them; the search field gets focus.
const menus = [...document.querySelectorAll("[data-header-menu]")];
for (const menu of menus) {
  menu.addEventListener("toggle", () => {
    if (!menu.open) return;
    for (const other of menus) if (other !== menu) other.open = false;
    menu.querySelector("input[type=search]")?.focus();
  });
}
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of menus) {
    if (menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  }
});
document.addEventListener("click", (event) => {
  for (const menu of menus) if (menu.open && !menu.contains(event.target)) menu.open = false;
});
// Keyboard: when focus leaves an open menu (Tab past its last link), the menu closes, so that focus is
// never on a link hidden under it.
for (const menu of menus) {
  menu.addEventListener("focusout", (event) => {
    if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
  });
}

// A form sent once: its button rests a moment, so a second tap does not send it again (the server also
// stores a double send once). Back in the browser's history, the button works again.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (event.defaultPrevented || !button || event.target.method?.toLowerCase() !== "post") return;
  window.setTimeout(() => {
    button.disabled = true;
    button.dataset.sent = "";
  }, 0);
  window.setTimeout(() => {
    button.disabled = false;
  }, 10000);
});
window.addEventListener("pageshow", () => {
  for (const button of document.querySelectorAll("button[data-sent]")) button.disabled = false;
});

// A long form that came back with errors: bring its summary into view and give it focus.
const errorSummary = document.querySelector("[data-error-summary]");
if (errorSummary) errorSummary.focus();
