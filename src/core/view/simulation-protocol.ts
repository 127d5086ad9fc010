/**
 * Messages between the extension host and the simulation results panel. The panel is
 * untrusted: what it sends is validated here before the host acts on it; what the host
 * sends is checked for shape by the panel before it draws.
 */

import { EXPORT_FORMATS, type ExportFormat } from './simulation-export';
import type { SimulationView } from './simulation-view';

export type HostToSimulationPanelMessage = {
  readonly type: 'show';
  readonly view: SimulationView;
};

export type SimulationPanelToHostMessage =
  | { readonly type: 'ready' }
  /** Save the shown report; the host asks where with a save dialog. */
  | { readonly type: 'export'; readonly format: ExportFormat };

/** Returns the message if it is one the panel may send, otherwise undefined. */
export function parseSimulationPanelMessage(value: unknown): SimulationPanelToHostMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type: unknown = Reflect.get(value, 'type');
  if (type === 'ready') return { type: 'ready' };
  if (type === 'export') {
    const format: unknown = Reflect.get(value, 'format');
    const known = EXPORT_FORMATS.find((candidate) => candidate === format);
    if (known !== undefined) return { type: 'export', format: known };
  }
  return undefined;
}

/** Whether a message from the host has the shape the panel draws. */
export function isShowMessage(value: unknown): value is HostToSimulationPanelMessage {
  if (typeof value !== 'object' || value === null || Reflect.get(value, 'type') !== 'show') return false;
  const view: unknown = Reflect.get(value, 'view');
  if (typeof view !== 'object' || view === null) return false;
  return typeof Reflect.get(view, 'title') === 'string' && Array.isArray(Reflect.get(view, 'summary')) && Array.isArray(Reflect.get(view, 'tables'));
}
