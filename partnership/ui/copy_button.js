export default function ({ data, parentElement }) {
  const button = parentElement.querySelector("button");
  button.textContent = data.label;
  button.setAttribute("aria-label", data.label);
  button.onclick = async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(data.text);
      done = true;
    } catch (e) {
      const area = document.createElement("textarea");
      area.value = data.text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { done = document.execCommand("copy"); } catch (e2) { done = false; }
      area.remove();
    }
    button.textContent = done ? data.done : data.failed;
    setTimeout(() => { button.textContent = data.label; }, 2500);
  };
}
