/**
 * The designer's context menu on an element (right click, Shift+F10 or the context-menu
 * key on the selected one): simulate its failure, show it in the text, delete it (the items
 * come from src/core/view/designer-context-menu.ts). Built with DOM calls, labels set as
 * textContent; the arrow keys, Home and End move through it, Enter or Space picks, Escape,
 * Tab or a click elsewhere closes it and gives the keyboard back to the canvas. What the
 * items do is run by commands.ts.
 */

import { contextMenuItems, menuStep, MENU_WORDS, type ContextMenuItem } from '../../src/core/view/designer-context-menu';
import type { DiagramNode } from '../../src/core/view/diagram';
import { el } from './dom';
import { selectOnly } from './selection';
import type { Designer } from './state';

export interface ContextMenuHost {
  node(id: string): DiagramNode | undefined;
  run(item: ContextMenuItem): void;
  /** Gives the keyboard back to the canvas. */
  focusCanvas(): void;
}

export class ContextMenu {
  readonly element: HTMLElement;
  private items: HTMLButtonElement[] = [];

  constructor(private readonly host: ContextMenuHost) {
    this.element = el('div', { className: 'vt-menu vt-hidden', id: 'vt-context-menu' });
    this.element.setAttribute('role', 'menu');
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.element.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node) || !this.element.contains(event.relatedTarget)) this.close(false);
    });
  }

  get open(): boolean {
    return !this.element.classList.contains('vt-hidden');
  }

  /** Opens the menu of an element at a point of the window; the first item has the focus. */
  show(id: string, at: { x: number; y: number }, bounds: { width: number; height: number }): void {
    const node = this.host.node(id);
    if (!node) return;
    const items = contextMenuItems(node);
    this.items = items.map((item) => {
      const entry = el('button', { text: item.label, className: 'vt-menu-item' });
      entry.type = 'button';
      entry.tabIndex = -1;
      entry.setAttribute('role', 'menuitem');
      entry.dataset.action = item.action;
      entry.addEventListener('click', () => {
        this.close(true);
        this.host.run(item);
      });
      return entry;
    });
    this.element.replaceChildren(...this.items);
    this.element.setAttribute('aria-label', MENU_WORDS.menuName(node.id));
    this.element.classList.remove('vt-hidden');
    // Inside the window, however near its edge the click was.
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    this.element.style.left = `${Math.max(0, Math.min(at.x, bounds.width - width))}px`;
    this.element.style.top = `${Math.max(0, Math.min(at.y, bounds.height - height))}px`;
    this.items[0]?.focus();
  }

  close(returnFocus: boolean): void {
    if (!this.open) return;
    this.element.classList.add('vt-hidden');
    this.element.replaceChildren();
    this.items = [];
    if (returnFocus) this.host.focusCanvas();
  }

  private onKey(event: KeyboardEvent): void {
    // The canvas's shortcuts do not apply while the menu is open.
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      this.close(true);
      return;
    }
    const at = this.items.findIndex((item) => item === document.activeElement);
    const next = menuStep(Math.max(0, at), this.items.length, event.key);
    if (next !== undefined) {
      event.preventDefault();
      this.items[next]?.focus();
    }
  }
}

/** Opens an element's context menu: at the pointer (a point of the canvas), or under the element for the keyboard. */
export function openMenu(designer: Designer, id: string, at?: { x: number; y: number }): void {
  const { graph } = designer.state;
  if (!graph) return;
  const node = graph.getElementById(id);
  if (node.empty()) return;
  if (!node.selected()) selectOnly(designer, id, false);
  const box = node.renderedBoundingBox({ includeLabels: false });
  const origin = designer.container.getBoundingClientRect();
  const point = at ?? { x: box.x1, y: box.y2 + 4 };
  designer.menu.show(id, { x: origin.left + point.x, y: origin.top + point.y }, { width: window.innerWidth, height: window.innerHeight });
}
