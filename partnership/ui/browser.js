const NARROW = 768;  // Streamlit's "md" breakpoint: below it the menu sits in the sidebar

function closeMenuAfterChoice(event) {
  const link = event.target.closest && event.target.closest('[data-testid="stSidebarNavLink"]');
  if (!link || window.innerWidth >= NARROW) return;
  setTimeout(() => {
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close && close.getAttribute("aria-expanded") === "true") close.click();
  }, 50);
}

if (!window.__psMenuCloser) {
  window.__psMenuCloser = true;
  document.addEventListener("click", closeMenuAfterChoice, true);
}

export default function ({ data }) {
  const wanted = data.name ? encodeURIComponent(data.name) : "";
  const now = document.cookie.split("; ").find((c) => c.startsWith(data.cookie + "="));
  if (wanted && now !== data.cookie + "=" + wanted) {
    document.cookie = data.cookie + "=" + wanted + "; path=/; max-age=31536000; SameSite=Lax";
  }
  const device = document.cookie.split("; ").find((c) => c.startsWith(data.device_cookie + "="));
  if (data.device && device !== data.device_cookie + "=" + data.device) {
    document.cookie = data.device_cookie + "=" + data.device + "; path=/; max-age=31536000; SameSite=Lax";
  }
  const opened = document.cookie.split("; ").find((c) => c.startsWith(data.opened_cookie + "="));
  if (data.opened !== null && (opened || data.opened_cookie + "=") !== data.opened_cookie + "=" + data.opened) {
    const age = data.opened ? 31536000 : 0;
    document.cookie = data.opened_cookie + "=" + data.opened + "; path=/; max-age=" + age + "; SameSite=Lax";
  }
}
