// Streamlit's own controls name themselves for screen readers in English ("Expand
// sidebar", "Help for …", the uploader's "file upload"). This helper gives them the
// page's language (partnership/ui/aria.py sends the words), and takes the names of
// Markdown's Material icons ("schedule icon": the icon's English name) out of what is read
// out: each stands beside words that say the same. Streamlit redraws elements, so a
// MutationObserver looks again, at most every 100 ms.
const S = (window.__psAria = window.__psAria || {});

function named(el, attr) {
  const was = el.getAttribute(attr);
  if (!was) return;
  const d = S.data;
  let now = Object.prototype.hasOwnProperty.call(d.words, was) ? d.words[was] : null;
  if (now === null) {
    for (const [prefix, template] of d.prefixes) {
      if (was.startsWith(prefix)) { now = template.replace("{label}", was.slice(prefix.length)); break; }
    }
  }
  if (now !== null && now !== was) el.setAttribute(attr, now);
}

function pass() {
  S.timer = null;
  if (!S.data) return;
  for (const el of document.querySelectorAll("[aria-label], [title]")) {
    const label = el.getAttribute("aria-label");
    if (label && el.tagName === "SPAN" && label.endsWith(" icon") && !el.hasAttribute("aria-hidden")) {
      el.setAttribute("aria-hidden", "true");
      continue;
    }
    named(el, "aria-label");
    named(el, "title");
  }
  if (S.data.lang && document.documentElement.lang !== S.data.lang) document.documentElement.lang = S.data.lang;
  more();
}

// The top menu folds the pages it has no room for under "<n> more" (visible text).
function more() {
  if (!S.data.more) return;
  for (const head of document.querySelectorAll("header")) {
    const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const found = /^(\d+) more$/.exec(n.nodeValue.trim());
      if (found) n.nodeValue = S.data.more.replace("{n}", found[1]);
    }
  }
}

function later() {
  if (!S.timer) S.timer = setTimeout(pass, 100);
}

export default function ({ data }) {
  S.data = data;
  pass();
  if (!S.observer) {
    S.observer = new MutationObserver(later);
    S.observer.observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
                                       attributeFilter: ["aria-label", "title"]});
  }
}
