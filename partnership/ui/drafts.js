// Drafts kept in the browser (partnership/ui/drafts.py, partnership/drafts.py).
//
// An open editor's typing is copied to localStorage as it is typed, under
// "psd:<link id>:<editor>" (the link id is a hash, never the token), so that a restart, a
// replica failure or a reload cannot lose it. For the closed editors a page shows, the
// drafts kept for them are reported back (state "found"); the page offers them with a
// notice and saves one only when the person says so. The page names the drafts to drop
// (saved, or discarded) in "clear".
//
// The same module also mends Streamlit's reconnect: after the server comes back, the
// frontend keeps showing the old page but asks for no run when no fragment polls (our
// pages are kept live by push), so the new session has none of the page's widgets and
// the first click (its callback unknown there) does nothing. When the connection comes
// back, this asks for one run at once.

const S = (window.__psDrafts = window.__psDrafts || {});
const PREFIX = "psd:";

// Where localStorage is blocked (some private modes), drafts live in this tab only: they
// still outlive a restart of the server, not a reload.
const MEM = (S.mem = S.mem || new Map());
const inMemory = {
  getItem: (k) => (MEM.has(k) ? MEM.get(k) : null), setItem: (k, v) => { MEM.set(k, String(v)); },
  removeItem: (k) => { MEM.delete(k); }, key: (i) => [...MEM.keys()][i] ?? null, get length() { return MEM.size; },
};

function storage() {
  try {
    const ls = window.localStorage;
    ls.getItem(PREFIX);  // throws where it is blocked
    return ls;
  } catch (e) { return inMemory; }
}

function read(name) {
  const ls = storage();
  if (!ls) return null;
  try {
    const got = JSON.parse(ls.getItem(name) || "null");
    return got && typeof got === "object" ? got : null;
  } catch (e) { return null; }
}

function write(name, value) {
  const ls = storage();
  if (!ls) return;
  try { ls.setItem(name, JSON.stringify(value)); } catch (e) { /* full: the editor still has it */ }
}

function drop(name) {
  const ls = storage();
  if (ls) try { ls.removeItem(name); } catch (e) { /* nothing to do */ }
}

// This tab's id (kept over a reload). A draft names the tab it is typed in, and that tab
// marks it alive every few seconds while its editor is open: another tab of the same link
// is not offered a draft that someone is still typing.
const TAB = (() => {
  try {
    let id = sessionStorage.getItem("psd-tab");
    if (!id) { id = Math.random().toString(36).slice(2, 12); sessionStorage.setItem("psd-tab", id); }
    return id;
  } catch (e) { return S.tab || (S.tab = Math.random().toString(36).slice(2, 12)); }
})();
const ALIVE_MS = 5000;

function keyOf(slot) { return PREFIX + S.data.link + ":" + slot; }

function widgetKey(el) {  // "fe_s4_vision_text" from the container class "st-key-fe_s4_vision_text"
  const box = el.closest && el.closest('[class*="st-key-"]');
  if (!box) return null;
  for (const cls of box.classList) if (cls.startsWith("st-key-")) return cls.slice(7);
  return null;
}

function typed(wk) {  // what the person sees in a text widget now (typed, committed or not)
  const el = document.querySelector(".st-key-" + CSS.escape(wk) + " textarea, .st-key-" + CSS.escape(wk)
                                    + ' input:not([role="combobox"]):not([type="checkbox"])');
  return el ? el.value : undefined;
}

function keep(slot) {  // copy the open editor `slot` to storage
  const w = S.data.watch[slot];
  if (!w) return;
  const values = {...w.values};
  for (const [name, wk] of Object.entries(w.widgets)) {
    const now = typed(wk);
    if (now !== undefined) values[name] = now;
  }
  write(keyOf(slot), {at: Date.now(), base: w.base, values, tab: TAB, alive: Date.now()});
}

function typedAhead(w) {  // typed into the editor before this component knew of it (a fast typist)
  return Object.entries(w.widgets).some(([name, wk]) => {
    const now = typed(wk);
    return typeof w.values[name] === "string" && now !== undefined && now !== w.values[name];
  });
}

function onInput(ev) {
  if (!S.data || !S.data.link) return;
  const t = ev.target;
  if (!t || !(t.tagName === "TEXTAREA" || t.tagName === "INPUT") || t.getAttribute("role") === "combobox") return;
  const wk = widgetKey(t);
  const hit = wk && S.widgets[wk];
  if (hit) keep(hit);
}

function tidy(maxAgeMs) {  // drop drafts nobody came back for
  const ls = storage();
  if (!ls) return;
  const now = Date.now();
  for (let i = ls.length - 1; i >= 0; i--) {
    const name = ls.key(i);
    if (!name || !name.startsWith(PREFIX)) continue;
    const got = read(name);
    if (!got || typeof got.at !== "number" || now - got.at > maxAgeMs) drop(name);
  }
}

function found(d) {  // the drafts kept for the closed editors this page shows
  const out = {};
  for (const slot of d.offer) {
    const got = read(keyOf(slot));
    const elsewhere = got && got.tab !== TAB && typeof got.alive === "number" && Date.now() - got.alive < 3 * ALIVE_MS;
    if (got && typeof got.at === "number" && !elsewhere) out[slot] = {at: got.at, base: got.base, values: got.values};
  }
  return out;
}

function same(a, b) {
  const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
  return ka.join("|") === kb.join("|") && ka.every(k => a[k].at === b[k]);
}

// -- reconnect -------------------------------------------------------------------------

function connection() {
  const app = document.querySelector('[data-testid="stApp"]');
  return app ? app.getAttribute("data-test-connection-state") : null;
}

function askRun(tries) {  // one run for the new session; again if the first ask was lost
  const before = S.renders;
  if (S.comp) S.comp.setTriggerValue("reconnected", String(Date.now()));
  setTimeout(() => {
    if (S.renders === before && tries < 4 && connection() === "CONNECTED") askRun(tries + 1);
  }, 1500);
}

function watchConnection() {
  if (S.connWatch) return;
  S.connWatch = true;
  S.lost = false;
  const look = () => {
    const now = connection();
    if (!now) return;
    if (now !== "CONNECTED") { S.lost = true; return; }
    if (S.lost) { S.lost = false; S.reconnects = (S.reconnects || 0) + 1; askRun(0); }
  };
  new MutationObserver(look).observe(document.body, {attributes: true, subtree: true,
                                                      attributeFilter: ["data-test-connection-state"]});
}

// -- the component ---------------------------------------------------------------------

export default function (component) {
  const d = component.data;
  S.comp = component;
  S.renders = (S.renders || 0) + 1;
  watchConnection();
  if (!S.listening) {
    S.listening = true;
    document.addEventListener("input", onInput, true);
    setInterval(() => {  // this tab's open editors are still open
      if (!S.data || !S.data.link) return;
      for (const slot of Object.keys(S.data.watch)) {
        const got = read(keyOf(slot));
        if (got && got.tab === TAB) write(keyOf(slot), {...got, alive: Date.now()});
      }
    }, ALIVE_MS);
  }
  if (!d || !d.link) { S.data = null; S.widgets = {}; return; }
  S.data = d;
  S.widgets = {};
  for (const [slot, w] of Object.entries(d.watch)) for (const wk of Object.values(w.widgets)) S.widgets[wk] = slot;
  if (S.cleared !== d.seq) {  // saved or discarded since: forget them (once per run)
    S.cleared = d.seq;
    for (const slot of d.clear) drop(keyOf(slot));
    tidy(d.maxAgeMs);
  }
  for (const [slot, w] of Object.entries(d.watch)) {  // a choice made, typing begun before this ran, or kept
    if (w.dirty || typedAhead(w) || read(keyOf(slot))) keep(slot);
  }
  report(0);
}

function report(tries) {  // tell the page which drafts it may offer, until a run has heard it
  clearTimeout(S.again);
  const d = S.data;
  if (!d || !S.comp) return;
  const now = found(d);
  if (same(now, d.known)) return;
  const app = document.querySelector('[data-testid="stApp"]');
  if (tries > 0 && app && app.getAttribute("data-test-script-state") === "running") {
    S.again = setTimeout(() => report(tries), 500);  // a run is under way: it may be the one that hears it
    return;
  }
  // A value set while the component is still being mounted (a reload, a new session) can
  // be lost: ask again, with a new stamp (the page ignores it), until the page knows.
  S.comp.setStateValue("found", {...now, _n: Date.now()});
  if (tries < 5) S.again = setTimeout(() => report(tries + 1), 2000);
}
