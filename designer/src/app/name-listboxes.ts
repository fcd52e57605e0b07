/**
 * antd's Select renders its option list (`role="listbox"`, id `<field>_list`) without an
 * accessible name, so a screen reader announces an unnamed list. Each list that appears gets the
 * name of the field whose combobox controls it (its aria-label, else its <label>).
 */
export function nameListboxes(root: HTMLElement = document.body): MutationObserver {
  const name = (list: Element) => {
    if (list.hasAttribute('aria-label') || !list.id) return;
    const combobox = document.querySelector<HTMLInputElement>(`[aria-controls="${CSS.escape(list.id)}"]`);
    const label = combobox?.getAttribute('aria-label') ?? combobox?.labels?.[0]?.textContent;
    if (label) list.setAttribute('aria-label', label);
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[role="listbox"]')) name(node);
        node.querySelectorAll('[role="listbox"]').forEach(name);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
