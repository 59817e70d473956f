const S = (window.__psLive = window.__psLive || {});
S.views = S.views || {};  // "head:<key>" / "body:<key>" / "line:<name>" -> {comp, data, shown}
S.stats = S.stats || {full: 0};
S.stats.view = S.stats.view || 0;  // texts swapped in from an event, read by the browser tests

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function slot(v) {  // our own box in the component's root (the root also holds its <style>)
  const root = v.comp.parentElement;
  if (!root) return null;
  let box = root.querySelector(":scope > .ps-fv");
  if (!box) { box = el("div", "ps-fv"); root.appendChild(box); v.drawn = null; }  // a new root: draw anew
  return box;
}

function editors(key) {  // who else is editing ``key`` now, as the subscriber tells it
  const sub = S.comp && S.comp.data, ev = S.last;
  if (!sub || !ev || !S.opened) return null;  // no stream (yet): the page's own run said it
  const names = ev.here
    .filter(p => p.e === key && p.s !== sub.me && !(sub.name && p.n === sub.name && p.r === sub.role))
    .map(p => p.n || sub.roles[p.r]);
  return [...new Set(names)].sort();
}

function drawHead(v) {
  const d = v.data, root = slot(v);
  if (!root) return;
  const names = editors(d.key) || d.names;
  const text = names.length ? d.badge.replace("{names}", names.join(", ")) : "";
  if (v.drawn && v.drawn.label === d.label && v.drawn.text === text) return;
  v.drawn = {label: d.label, text};
  const box = el("div", "ps-fv-head");
  box.appendChild(el("strong", "", d.label));
  if (text) box.appendChild(el("span", "ps-fv-badge", "\u270E " + text));
  root.replaceChildren(box);
}

function drawBody(v) {
  const s = v.shown, root = slot(v);
  if (!root || v.drawn === s) return;
  v.drawn = s;
  if (v.data.part === "line") { root.replaceChildren(el("div", "ps-fv-meta", s.text)); return; }
  const box = el("div", "ps-fv-body");
  if (s.html) {
    const text = el("div", "ps-fv-text");
    text.innerHTML = s.html;  // sanitised on the server (Markdown + nh3 allow-list)
    box.appendChild(text);
    box.appendChild(el("div", "ps-fv-meta", s.meta));
  } else {
    box.appendChild(el("div", "ps-fv-meta", s.empty));
  }
  root.replaceChildren(box);
}

function swapIn(v, got) {  // newer content, from the event or fetched
  v.shown = {...got, empty: v.data.empty};
  drawBody(v);
  S.stats.view += 1;
}

function fetchBody(v, want, tries = 0) {
  if (v.fetching) { v.again = true; return; }
  v.fetching = true;
  let retry = false;
  fetch(v.data.url, {cache: "no-store", credentials: "same-origin"})
    .then(r => {
      if (r.status === 429 || r.status === 503) throw new Error("busy");
      if (!r.ok) throw new Error("refused");  // a revoked link, ...: the page's own run says what
      return r.json();
    })
    .then(got => {
      if (got.rev > v.shown.rev) swapIn(v, got);
    })
    .catch(err => {
      retry = err.message !== "refused" && tries < 3;  // busy or offline: ask again in a moment
      if (!retry && S.comp) S.comp.setTriggerValue("rerun", "view|" + want + "|" + Date.now());
    })
    .finally(() => {
      v.fetching = false;
      if (retry) setTimeout(() => fetchBody(v, want, tries + 1), 300 * 2 ** tries * (0.5 + Math.random()));
      else if (v.again) { v.again = false; S.viewEvent(S.last); }
    });
}

S.viewEvent = function (ev) {  // the subscriber calls this with every event
  for (const [id, v] of Object.entries(S.views)) {
    if (!v.comp.parentElement || !v.comp.parentElement.isConnected) { delete S.views[id]; continue; }
    if (v.data.part === "head") { drawHead(v); continue; }
    if (!ev || typeof ev.rev !== "number" || ev.rev <= v.shown.rev) continue;
    if (!(ev.changes || []).some(ch => ch[0] > v.shown.rev && v.data.listens.includes(ch[1]))) continue;
    const got = (ev.views || {})[id];  // the stream brought the new content along: nothing to fetch
    if (got && got.rev >= ev.rev) swapIn(v, got);
    else fetchBody(v, ev.rev);
  }
};

export default function (component) {
  const d = component.data;
  if (!d || !d.key) return;
  const id = d.part + ":" + d.key;
  const v = (S.views[id] = S.views[id] || {});
  v.comp = component;
  v.data = d;
  if (d.part === "head") { drawHead(v); return; }
  // The newest wins - the page's run, or what came since - but only for the same link and
  // language: another project opened in this tab starts from its own page's run.
  if (!v.shown || v.url !== d.url || d.rev >= v.shown.rev) v.shown = d;
  else v.shown = {...v.shown, empty: d.empty};
  v.url = d.url;
  drawBody(v);
  if (S.last) S.viewEvent(S.last);
}
