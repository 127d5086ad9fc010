/**
 * Messages between the extension host and the design preview webview. The webview is
 * untrusted: everything it sends is validated here before the host acts on it.
 */

import type { Diagram } from './diagram';

export type HostToPreviewMessage = {
  readonly type: 'diagram';
  readonly documentVersion: number;
  readonly title: string;
  readonly diagram: Diagram;
};

export type PreviewToHostMessage = { readonly type: 'ready' } | { readonly type: 'reveal'; readonly elementId: string };

const ELEMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,255}$/;

/** Returns the message if it is one the preview may send, otherwise undefined. */
export function parsePreviewMessage(value: unknown): PreviewToHostMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type: unknown = Reflect.get(value, 'type');
  if (type === 'ready') return { type: 'ready' };
  if (type === 'reveal') {
    const elementId: unknown = Reflect.get(value, 'elementId');
    if (typeof elementId === 'string' && ELEMENT_ID.test(elementId)) return { type: 'reveal', elementId };
  }
  return undefined;
}
