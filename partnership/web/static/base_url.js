// A deep link (<base>/<page>?k=...) names the app's root to Streamlit's frontend before it
// starts. Without it the frontend first asks <page>/_stcore/health and
// <page>/_stcore/host-config (two 404s in the console) before it tries the root; answering
// those would make <page> the app's root and run the default page instead.
// Inlined into the page's head by web/preload.py (allowed by its hash in web/headers.py);
// the page's name comes in data-page, the path the browser used gives the prefix of any
// proxy in front (Community Cloud serves apps under a path of its own).
(() => {
  const page = document.currentScript.dataset.page;
  const path = location.pathname.replace(/\/+$/, "");
  if (page && path.endsWith("/" + page)) {
    window.__streamlit = Object.assign({}, window.__streamlit,
      {BACKEND_BASE_URL: location.origin + path.slice(0, path.length - page.length)});
  }
})();
