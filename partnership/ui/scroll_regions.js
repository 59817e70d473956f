// Each region that may scroll sideways gets a tab stop and a name (WCAG 2.1.1). A table
// keeps its own role (a screen reader still reads it as a table); any other box becomes
// a named region. data.regions: [[css selector, name], ...] in the page's language.
export default function ({ data }) {
  window.__psScrollRegionsData = data.regions;
  const mark = () => {
    for (const [selector, name] of window.__psScrollRegionsData) {
      document.querySelectorAll(selector).forEach((box) => {
        if (box.getAttribute('tabindex') !== '0') box.setAttribute('tabindex', '0');
        if (box.tagName !== 'TABLE' && box.getAttribute('role') !== 'region') box.setAttribute('role', 'region');
        if (box.getAttribute('aria-label') !== name) box.setAttribute('aria-label', name);
      });
    }
  };
  mark();
  if (!window.__psScrollRegions) {
    window.__psScrollRegions = new MutationObserver(mark);
    window.__psScrollRegions.observe(document.body, {childList: true, subtree: true});
  }
}
