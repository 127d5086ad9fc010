/**
 * Markup helpers of the designer webview: elements with text set as textContent (file data
 * never becomes markup), text buttons and the toolbar's icon buttons.
 */

import { commandTitle, type CommandKey, type CommandSpec } from '../../src/core/view/designer-commands';

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

/** A key as aria-keyshortcuts writes it (`Shift+H`, `Plus`, `Space`). */
function ariaKey(key: CommandKey): string {
  const name = key.key === '+' ? 'Plus' : key.key === ' ' ? 'Space' : key.key;
  return key.shift ? `Shift+${name}` : name;
}

/**
 * A toolbar button: an icon (a codicon, or one of the device icons as a mask in the text
 * colour), its accessible name, and a tooltip that names its key.
 */
export function iconButton(spec: CommandSpec, onClick: () => void): HTMLButtonElement {
  const b = el('button', { id: spec.id, title: commandTitle(spec), className: 'vt-icon-button' });
  b.type = 'button';
  b.setAttribute('aria-label', spec.label);
  b.setAttribute('aria-keyshortcuts', ariaKey(spec.key));
  const glyph = el('span', { className: 'codicon' in spec.icon ? `codicon codicon-${spec.icon.codicon}` : `vt-icon vt-icon-${spec.icon.device}` });
  glyph.setAttribute('aria-hidden', 'true');
  b.append(glyph);
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
