// The date field's calendar (partnership/ui/datefield.py): a button beside a text input
// that opens a month grid in the page's language, Monday first. Picking a day writes it
// into the text input ("24.12.2026") as if typed; the server reads the text, so this
// works the same inside an st.form (where a component's trigger does nothing) and
// outside one. Keyboard: arrows move a day or a week, Page Up/Down a month, Home/End
// the week's ends, Enter or Space picks, Escape closes.

const ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">' +
  '<path fill="currentColor" d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 ' +
  '1 1-1h3V2Zm12 8H5v9h14v-9ZM5 6v2h14V6H5Zm2 6h4v4H7v-4Z"/></svg>';

function pad(n) { return String(n).padStart(2, "0"); }
function iso(d) { return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; }
function shown(d) { return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`; }
function addDays(d, n) { return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n); }
function addMonths(d, n) {
  const last = new Date(d.getFullYear(), d.getMonth() + n + 1, 0).getDate();
  return new Date(d.getFullYear(), d.getMonth() + n, Math.min(d.getDate(), last));
}
function monday(d) { return (d.getDay() + 6) % 7; }  // 0 = Monday ... 6 = Sunday

// Only to open the grid on the typed day: the server's parse (partnership/dates.py)
// decides what the text means.
function typedDay(text) {
  const t = (text || "").trim();
  const m = t.match(/^(\d{1,2})\D+(\d{1,2})\D+(\d{2}|\d{4})$/) || t.match(/^(\d{2})(\d{2})(\d{2}|\d{4})$/);
  if (!m) return null;
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const d = new Date(y, Number(m[2]) - 1, Number(m[1]));
  return d.getMonth() === Number(m[2]) - 1 ? d : null;
}

function targetInput(state) {
  return document.querySelector(`.st-key-${CSS.escape(state.data.target)} input`);
}

function write(state, day) {
  const input = targetInput(state);
  if (!input) return;
  // React owns the input: set the value through the native setter and announce it, so
  // Streamlit sees it as typed.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, shown(day));
  input.dispatchEvent(new Event("input", { bubbles: true }));
  close(state, false);
  input.focus();
  if (!input.closest('[data-testid="stForm"]')) {
    input.blur();  // outside a form Streamlit takes a text input's value when it loses focus
    state.open.focus();
  }
}

function render(state) {
  const { data, grid, title } = state;
  const month = new Date(state.focus.getFullYear(), state.focus.getMonth(), 1);
  title.textContent = `${data.months[month.getMonth()]} ${month.getFullYear()}`;
  const body = grid.tBodies[0];
  body.replaceChildren();
  const today = iso(new Date());
  const chosen = state.chosen ? iso(state.chosen) : "";
  let day = addDays(month, -monday(month));
  for (let week = 0; week < 6; week += 1) {
    const row = body.insertRow();
    for (let i = 0; i < 7; i += 1, day = addDays(day, 1)) {
      const cell = row.insertCell();
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = String(day.getDate());
      button.dataset.day = iso(day);
      button.setAttribute("aria-label",
        `${data.days[monday(day)]} ${day.getDate()}. ${data.months[day.getMonth()]} ${day.getFullYear()}`);
      button.tabIndex = iso(day) === iso(state.focus) ? 0 : -1;
      if (day.getMonth() !== month.getMonth()) button.classList.add("ps-cal-other");
      if (iso(day) === today) button.setAttribute("aria-current", "date");
      if (iso(day) === chosen) {
        button.setAttribute("aria-pressed", "true");
        button.classList.add("ps-cal-chosen");
      }
      cell.appendChild(button);
    }
  }
}

function moveTo(state, day) {
  state.focus = day;
  render(state);
  const button = state.grid.querySelector(`button[data-day="${iso(day)}"]`);
  if (button) button.focus();
}

function openPop(state) {
  if (state.data.disabled) return;
  const input = targetInput(state);
  state.chosen = typedDay(input ? input.value : "");
  state.focus = state.chosen || new Date();
  state.pop.hidden = false;
  state.open.setAttribute("aria-expanded", "true");
  state.pop.style.left = "0px";
  const room = window.innerWidth - state.pop.getBoundingClientRect().right - 8;
  if (room < 0) state.pop.style.left = `${room}px`;
  moveTo(state, state.focus);
}

function close(state, refocus) {
  if (state.pop.hidden) return;
  state.pop.hidden = true;
  state.open.setAttribute("aria-expanded", "false");
  if (refocus) state.open.focus();
}

function onKey(state, event) {
  const moves = {
    ArrowLeft: (d) => addDays(d, -1), ArrowRight: (d) => addDays(d, 1),
    ArrowUp: (d) => addDays(d, -7), ArrowDown: (d) => addDays(d, 7),
    PageUp: (d) => addMonths(d, -1), PageDown: (d) => addMonths(d, 1),
    Home: (d) => addDays(d, -monday(d)), End: (d) => addDays(d, 6 - monday(d)),
  };
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    close(state, true);
  } else if (moves[event.key] && event.target.dataset.day) {
    event.preventDefault();
    moveTo(state, moves[event.key](state.focus));
  }
}

function build(parentElement) {
  const root = document.createElement("div");
  root.className = "ps-cal";
  root.innerHTML =
    '<button type="button" class="ps-cal-open" aria-haspopup="dialog" aria-expanded="false">' +
    ICON + '<span class="ps-cal-word"></span></button>' +
    '<div class="ps-cal-pop" role="dialog" hidden>' +
    '<div class="ps-cal-head"><button type="button" class="ps-cal-prev">\u2039</button>' +
    '<span class="ps-cal-title" aria-live="polite"></span>' +
    '<button type="button" class="ps-cal-next">\u203a</button></div>' +
    '<table class="ps-cal-grid" role="grid"><thead><tr></tr></thead><tbody></tbody></table>' +
    '<button type="button" class="ps-cal-close"></button></div>';
  parentElement.appendChild(root);
  const state = {
    root,
    open: root.querySelector(".ps-cal-open"),
    pop: root.querySelector(".ps-cal-pop"),
    title: root.querySelector(".ps-cal-title"),
    grid: root.querySelector(".ps-cal-grid"),
    focus: new Date(),
    chosen: null,
    data: null,
  };
  const titleId = `ps-cal-title-${Math.random().toString(36).slice(2)}`;
  state.title.id = titleId;
  state.grid.setAttribute("aria-labelledby", titleId);
  state.open.addEventListener("click", () => (state.pop.hidden ? openPop(state) : close(state, true)));
  root.querySelector(".ps-cal-prev").addEventListener("click", () => moveTo(state, addMonths(state.focus, -1)));
  root.querySelector(".ps-cal-next").addEventListener("click", () => moveTo(state, addMonths(state.focus, 1)));
  root.querySelector(".ps-cal-close").addEventListener("click", () => close(state, true));
  state.grid.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-day]");
    if (!button) return;
    const [y, m, d] = button.dataset.day.split("-").map(Number);
    write(state, new Date(y, m - 1, d));
  });
  state.pop.addEventListener("keydown", (event) => onKey(state, event));
  state.outside = (event) => { if (!root.contains(event.target)) close(state, false); };
  document.addEventListener("pointerdown", state.outside, true);
  parentElement.__psCal = state;
  return state;
}

function words(state) {
  const { data, root } = state;
  root.querySelector(".ps-cal-word").textContent = data.words.button;
  state.open.setAttribute("aria-label", data.words.open);
  state.open.disabled = !!data.disabled;
  state.pop.setAttribute("aria-label", data.words.dialog);
  root.querySelector(".ps-cal-prev").setAttribute("aria-label", data.words.prev);
  root.querySelector(".ps-cal-next").setAttribute("aria-label", data.words.next);
  root.querySelector(".ps-cal-close").textContent = data.words.close;
  const head = state.grid.tHead.rows[0];
  head.replaceChildren();
  data.short.forEach((word, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = word;
    th.abbr = data.days[i];
    th.title = data.days[i];
    head.appendChild(th);
  });
  root.lang = data.lang;
}

export default function ({ data, parentElement }) {
  const state = parentElement.__psCal || build(parentElement);
  state.data = data;
  words(state);
  if (!state.pop.hidden) render(state);
  return () => {
    document.removeEventListener("pointerdown", state.outside, true);
    delete parentElement.__psCal;
  };
}
