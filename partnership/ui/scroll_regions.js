export default function ({ data }) {
  window.__psScrollLabel = data.label;
  const mark = () => document.querySelectorAll('.st-key-tl_chart_box').forEach((box) => {
    if (box.getAttribute('tabindex') !== '0') {
      box.setAttribute('tabindex', '0'); box.setAttribute('role', 'region');
    }
    if (box.getAttribute('aria-label') !== window.__psScrollLabel) {
      box.setAttribute('aria-label', window.__psScrollLabel);
    }
  });
  mark();
  if (!window.__psScrollRegions) {
    window.__psScrollRegions = new MutationObserver(mark);
    window.__psScrollRegions.observe(document.body, {childList: true, subtree: true});
  }
}
