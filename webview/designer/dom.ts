/**
 * Markup helpers of the designer webview: elements with text set as textContent (file data
 * never becomes markup) and toolbar buttons.
 */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; id?: string; title?: string } = {}, ...children: HTMLElement[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.id !== undefined) element.id = props.id;
  if (props.title !== undefined) element.title = props.title;
  element.append(...children);
  return element;
}

export function button(label: string, title: string, onClick: () => void, id?: string): HTMLButtonElement {
  const b = el('button', { text: label, title, ...(id !== undefined ? { id } : {}) });
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Places an absolutely positioned overlay (a drop outline) over a rendered box of the canvas. */
export function placeOver(element: HTMLElement, box: { x1: number; y1: number; w: number; h: number }): void {
  element.style.left = `${box.x1}px`;
  element.style.top = `${box.y1}px`;
  element.style.width = `${box.w}px`;
  element.style.height = `${box.h}px`;
  element.classList.remove('vt-hidden');
}
