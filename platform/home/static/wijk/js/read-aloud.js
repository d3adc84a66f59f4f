// "Lees voor": reads the main text of the page aloud in Dutch with the browser's speech synthesis.
// Progressive enhancement: the buttons stay hidden unless the browser has a Dutch voice.

const BLOCKS = "h1, h2, h3, p, li, dt, dd, blockquote, figcaption";
const SKIP = "button, form, nav, script, .read-aloud, .visually-hidden, [data-read-aloud-skip]";
const CHUNK = 220; // long utterances stop halfway in some browsers: speak sentence groups one by one

function dutchVoice() {
  const voices = window.speechSynthesis.getVoices();
  return voices.find((v) => v.lang.toLowerCase().replace("_", "-") === "nl-nl") ||
    voices.find((v) => v.lang.toLowerCase().startsWith("nl"));
}

function textOf(selector) {
  const parts = [];
  for (const root of document.querySelectorAll(selector)) {
    const blocks = root.matches(BLOCKS) ? [root] : [...root.querySelectorAll(BLOCKS)];
    if (!blocks.length) blocks.push(root);
    for (const block of blocks) {
      if (block.closest(SKIP) || block.querySelector(BLOCKS)) continue;
      const text = block.textContent.replace(/\s+/g, " ").trim();
      if (text) parts.push(/[.!?:]$/.test(text) ? text : `${text}.`);
    }
  }
  return parts.join(" ");
}

function chunks(text) {
  const sentences = text.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g) || [text];
  const out = [];
  let current = "";
  for (const sentence of sentences) {
    if (current && (current + sentence).length > CHUNK) {
      out.push(current.trim());
      current = "";
    }
    current += sentence;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function setUp(box, voice) {
  const synth = window.speechSynthesis;
  const play = box.querySelector("[data-read-aloud-play]");
  const pause = box.querySelector("[data-read-aloud-pause]");
  const stop = box.querySelector("[data-read-aloud-stop]");
  const label = box.querySelector("[data-read-aloud-label]");
  let state = "idle";

  const show = (next) => {
    state = next;
    label.textContent = next === "paused" ? box.dataset.labelResume : box.dataset.labelPlay;
    play.hidden = next === "speaking";
    pause.hidden = next !== "speaking";
    stop.hidden = next === "idle";
  };

  play.addEventListener("click", () => {
    if (state === "paused") {
      synth.resume();
      show("speaking");
      return;
    }
    synth.cancel();
    const parts = chunks(textOf(box.dataset.readAloud));
    parts.forEach((part, index) => {
      const utterance = new SpeechSynthesisUtterance(part);
      utterance.lang = "nl-NL";
      utterance.voice = voice;
      utterance.rate = 0.9;
      if (index === parts.length - 1) utterance.addEventListener("end", () => show("idle"));
      synth.speak(utterance);
    });
    show("speaking");
    pause.focus();
  });
  pause.addEventListener("click", () => {
    synth.pause();
    show("paused");
    play.focus();
  });
  stop.addEventListener("click", () => {
    synth.cancel();
    show("idle");
    play.focus();
  });
  window.addEventListener("pagehide", () => synth.cancel());
  box.hidden = false;
}

function start() {
  const voice = dutchVoice();
  if (!voice) return false;
  for (const box of document.querySelectorAll("[data-read-aloud]")) {
    if (box.hidden && !box.dataset.ready) {
      box.dataset.ready = "1";
      setUp(box, voice);
    }
  }
  return true;
}

if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
  // Voices load late in some browsers: try now and again when the list changes.
  if (!start()) window.speechSynthesis.addEventListener("voiceschanged", start, { once: true });
}
