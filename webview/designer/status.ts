/**
 * The designer's status line (what was done, or why not) and its aria-live region (what a
 * screen reader hears). Texts are set as textContent: file data never becomes markup.
 */

import { el } from './dom';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

export class StatusLine {
  readonly element = el('div', { className: 'vt-status', id: 'vt-status', text: TEXTS.loading({}) });
  readonly live = el('div', { className: 'vt-sr-only', id: 'vt-live' });

  constructor() {
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
  }

  /** Shows `text` in the status line; `rejected` marks it as a refusal. */
  show(text: string, rejected = false): void {
    this.element.textContent = text;
    this.element.classList.toggle('vt-rejected', rejected);
  }

  /** Whether the status line shows a refusal. */
  get rejected(): boolean {
    return this.element.classList.contains('vt-rejected');
  }

  /** Says `text` to a screen reader. */
  announce(text: string): void {
    this.live.textContent = text;
  }

  /** Shows and says `text`. */
  report(text: string, rejected = false): void {
    this.show(text, rejected);
    this.announce(text);
  }
}
