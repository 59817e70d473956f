// The timeline's SVG picture (partnership/ui/charts.py): our own markup from escaped text,
// set as the view's HTML; drawn again only when it changed (a rerun sends the same picture).
export default function ({ data, parentElement }) {
  let box = parentElement.querySelector(":scope > .ps-picture");
  if (!box) {
    box = document.createElement("div");
    box.className = "ps-picture";
    parentElement.appendChild(box);
  }
  if (box.dataset.key !== data.key) {
    box.innerHTML = data.svg;
    box.dataset.key = data.key;
  }
}
