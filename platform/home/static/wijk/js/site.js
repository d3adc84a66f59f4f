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
