// The work lists' keys: J and K move through the requests of a list marked data-queue; Enter, the link's own, opens one.
// Keys typed into a field are the field's.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, fluent-select, fluent-text-input, fluent-combobox"))) {
    return;
  }
  const key = event.key.toLowerCase();
  if (key !== "j" && key !== "k") {
    return;
  }
  const items = [...document.querySelectorAll("[data-queue] a.queue-item")];
  if (items.length === 0) {
    return;
  }
  const at = items.indexOf(document.activeElement);
  const next = at < 0 ? 0 : key === "j" ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
  items[next].focus();
  items[next].scrollIntoView({ block: "nearest" });
  event.preventDefault();
});
