/**
 * Renaming on the designer canvas (Enter, F2, a double click or the panel's button): a text
 * box over the element with its id, the last part selected; Enter or leaving the box asks
 * for a rename-element intent, Escape drops it.
 */

import type { Core } from 'cytoscape';
import { el } from './dom';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

export interface RenameHost {
  graph(): Core | undefined;
  /** Asks for the rename (and selects the element under its new id when it comes back). */
  rename(id: string, newId: string): void;
}

export class RenameBox {
  private input: HTMLInputElement | undefined;

  /** `canvas`: the box sits over it and gives the keyboard back to it. */
  constructor(private readonly host: RenameHost, private readonly canvas: HTMLElement) {}

  get open(): boolean {
    return this.input !== undefined;
  }

  start(id: string): void {
    const graph = this.host.graph();
    if (!graph || this.input) return;
    const node = graph.getElementById(id);
    if (node.empty()) return;
    const box = node.renderedBoundingBox({ includeLabels: true });
    const input = el('input', { className: 'vt-rename' });
    input.value = id;
    input.setAttribute('aria-label', TEXTS.newIdFor({ id }));
    input.style.left = `${Math.max(0, box.x1)}px`;
    input.style.top = `${Math.max(0, box.y2 - 20)}px`;
    this.canvas.append(input);
    this.input = input;
    input.focus();
    const slash = id.lastIndexOf('/');
    input.setSelectionRange(slash + 1, id.length);
    let done = false;
    const end = (commit: boolean) => {
      if (done) return;
      done = true;
      this.input = undefined;
      input.remove();
      this.canvas.focus();
      const newId = input.value.trim();
      if (commit && newId !== '' && newId !== id) this.host.rename(id, newId);
    };
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') end(true);
      else if (event.key === 'Escape') end(false);
    });
    input.addEventListener('blur', () => end(true));
  }
}
