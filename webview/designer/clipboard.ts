/**
 * Copy and paste on the designer canvas (Ctrl+C / Ctrl+V, or the copy and paste events VS
 * Code may deliver instead): what is copied is kept in the canvas (the system clipboard is
 * not touched), and a paste asks for copies with fresh ids (designer-clipboard.ts).
 */

import { copyOf, pastedElements, type CopiedElement } from '../../src/core/view/designer-clipboard';
import type { Diagram } from '../../src/core/view/diagram';
import type { IntentBody } from '../../src/core/edit/intents';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';
import { formatList } from '../../src/core/l10n/format';

export interface ClipboardHost {
  diagram(): Diagram | undefined;
  selectedIds(): string[];
  send(body: IntentBody): void;
  /** Select this element when the document that has it comes. */
  selectWhenAdded(id: string): void;
  setStatus(text: string, rejected?: boolean): void;
  announce(text: string): void;
}

export class CanvasClipboard {
  /** What Ctrl+C copied. */
  private copied: CopiedElement[] = [];
  /** When Ctrl+C / Ctrl+V was last handled, so the copy/paste event that may follow does not repeat it. */
  private handledAt = -Infinity;

  /** `canvas`: the copy and paste events count while it has the keyboard. */
  constructor(private readonly host: ClipboardHost, canvas: HTMLElement) {
    for (const [name, action] of [['copy', () => this.copy()], ['paste', () => this.paste()]] as const) {
      document.addEventListener(name, (event) => {
        if (document.activeElement !== canvas) return;
        event.preventDefault();
        if (performance.now() - this.handledAt < 500) return;
        action();
      });
    }
  }

  copy(): void {
    const diagram = this.host.diagram();
    const kept = this.host.selectedIds().flatMap((id) => {
      const copy = diagram ? copyOf(id, diagram) : undefined;
      return copy ? [copy] : [];
    });
    if (kept.length === 0) {
      const text = TEXTS.nothingToCopy({});
      this.host.setStatus(text, true);
      this.host.announce(text);
      return;
    }
    this.copied = kept;
    const ids = formatList(kept.map((entry) => entry.from));
    const text = kept.length === 1 ? TEXTS.copiedOne({ ids }) : TEXTS.copiedMany({ ids });
    this.host.setStatus(text);
    this.host.announce(text);
  }

  paste(): void {
    const diagram = this.host.diagram();
    if (!diagram) return;
    if (this.copied.length === 0) {
      this.host.setStatus(TEXTS.nothingCopied({}), true);
      return;
    }
    const elements = pastedElements(this.copied, diagram);
    for (const element of elements) this.host.send({ type: 'add-element', element });
    const last = elements.at(-1);
    if (last) this.host.selectWhenAdded(last.id);
    this.host.setStatus(TEXTS.adding({ ids: formatList(elements.map((element) => element.id)) }));
  }

  /** Ctrl/Cmd+C and Ctrl/Cmd+V on the canvas; whether the key was one of them. */
  onKey(event: KeyboardEvent): boolean {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
    const key = event.key.toLowerCase();
    if (key !== 'c' && key !== 'v') return false;
    event.preventDefault();
    this.handledAt = performance.now();
    if (key === 'c') this.copy();
    else this.paste();
    return true;
  }
}
