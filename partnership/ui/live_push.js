const S = (window.__psLive = window.__psLive || {});
const BURST_MS = 25;  // events this close together are one change
const SETTLE_MS = 1000;  // after this person's own click or key, their own run may not have started yet

S.stats = S.stats || {full: 0};  // reruns asked for (field_view.py adds the views' fetches), read by the tests

if (!S.listening) {
  S.listening = true;
  S.touched = 0;
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, () => { S.touched = Date.now(); }, true);
  }
}

function others(d, here) {
  return (here || []).filter(p => p.s !== d.me && !(d.name && p.n === d.name && p.r === d.role));
}

function fingerprint(d, list) {
  return list.filter(p => p.e && d.shown.includes(p.e)).map(p => p.s + ":" + p.n + ":" + p.e).sort();
}

function busy() {  // a run is under way, or about to start from this person's own action
  const app = document.querySelector('[data-testid="stApp"]');
  return (!!app && app.getAttribute("data-test-script-state") === "running") || Date.now() - S.touched < SETTLE_MS;
}

function whenIdle(act) {  // never interrupt a run: it may be the one that changed the link
  if (busy()) { setTimeout(() => whenIdle(act), 100); return; }
  act();
}

function draw() {
  const c = S.comp;
  if (!c || !c.parentElement) return;
  const d = c.data, root = c.parentElement;
  let line = root.querySelector(".ps-here"), note = root.querySelector(".ps-note");
  if (!line) { line = document.createElement("div"); line.className = "ps-here"; root.appendChild(line); }
  if (!note) { note = document.createElement("div"); note.className = "ps-note"; root.appendChild(note); }
  const list = S.last ? others(d, S.last.here) : [];
  const names = [...new Set(list.map(p => p.n ? p.n + " (" + d.roles[p.r] + ")" : d.someone[p.r]))].sort();
  line.textContent = names.length ? d.here.replace("{names}", names.join(", ")) : "";
  if (S.last) line.dataset.heard = "1";  // the page's own line, drawn by its run, gives way (phone.css)
  note.textContent = S.notice ? d.notice : "";
}

function uncovered(d, ev) {  // a change since the page's run that none of its field views redraws
  if (typeof ev.rev !== "number" || ev.rev <= d.rev) return false;
  if (ev.rev - d.rev > 64) return true;
  const scopes = new Map((ev.changes || []).map(ch => [ch[0], ch[1]]));
  for (let r = d.rev + 1; r <= ev.rev; r++) {
    const scope = scopes.get(r);
    if (!scope || !(d.covered || []).includes(scope)) return true;
  }
  return false;
}

function decide() {
  clearTimeout(S.later);
  const c = S.comp;
  if (!c || !S.last) return;
  const d = c.data;
  const fp = fingerprint(d, others(d, S.last.here));
  const changed = uncovered(d, S.last) || JSON.stringify(fp) !== JSON.stringify([...d.seen].sort());
  S.notice = changed && d.dialog;
  if (d.dialog) return;
  if (!changed) return;
  if (busy()) { S.later = setTimeout(decide, 100); return; }  // the page is redrawing: look again after
  const want = S.last.rev + "|" + fp.join(",");
  if (S.asked === want) return;  // one rerun per change
  S.asked = want;
  S.stats.full += 1;
  c.setTriggerValue("rerun", want);
}


function fail(es) {
  es.close();
  if (S.es === es) S.es = null;
  clearTimeout(S.stall);
  if (!S.opened && S.tries >= 1) {  // never connected, twice: no stream here, use the poller
    S.fallen = true;
    whenIdle(() => { if (S.comp) S.comp.setTriggerValue("fallback", "unreachable"); });
    return;
  }
  const delay = Math.min(30000, 500 * 2 ** S.tries) * (0.75 + Math.random() / 2);
  S.tries += 1;
  S.timer = setTimeout(() => { S.timer = null; connect(); }, delay);
}

function connect() {
  const es = new EventSource(S.url);
  S.es = es;
  let open = false;
  S.stall = setTimeout(() => { if (!open && S.es === es) fail(es); }, 5000);
  es.onopen = () => { open = true; S.opened = true; S.tries = 0; clearTimeout(S.stall); };
  es.onerror = () => { if (S.es === es) fail(es); };
  es.onmessage = (m) => {
    let ev;
    try { ev = JSON.parse(m.data); } catch (e) { return; }
    if (ev.type === "gone") {  // link revoked or project deleted: the page says so
      es.close(); S.es = null; S.gone = true;
      whenIdle(() => { if (S.comp) S.comp.setTriggerValue("rerun", "gone"); });
      return;
    }
    S.last = ev;
    draw();
    if (S.viewEvent) S.viewEvent(ev);  // field views redraw by themselves (field_view.py)
    // Changes come in bursts (a save, then "stopped editing"): decide once they settle.
    clearTimeout(S.later);
    S.later = setTimeout(decide, BURST_MS);
  };
}

export default function (component) {
  const d = component.data;
  S.comp = component;
  if (!d || !d.url) return;
  if (S.url !== d.url) {  // another link or session: start over
    if (S.es) S.es.close();
    clearTimeout(S.timer); clearTimeout(S.stall); clearTimeout(S.later);
    Object.assign(S, {url: d.url, es: null, timer: null, opened: false, tries: 0, last: null, asked: null,
                      gone: false, fallen: false, notice: false});
    connect();
  } else if (!S.es && !S.timer && !S.gone && !S.fallen) {
    connect();
  }
  decide();
  draw();
}
