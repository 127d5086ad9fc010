/**
 * Messages between the extension host and the simulation results panel. The panel is
 * untrusted: what it sends is validated here before the host acts on it; what the host
 * sends is checked for shape by the panel before it draws.
 */

import { EXPORT_FORMATS, type ExportFormat } from './simulation-export';
import { SIMULATION_REPORT_KINDS, type SimulationView } from './simulation-view';

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

/**
 * Whether a message from the host has the shape the panel draws: a known kind, a title,
 * summary and tables, and each chart it carries in the form its drawing reads.
 */
export function isShowMessage(value: unknown): value is HostToSimulationPanelMessage {
  if (typeof value !== 'object' || value === null || Reflect.get(value, 'type') !== 'show') return false;
  const view: unknown = Reflect.get(value, 'view');
  if (typeof view !== 'object' || view === null) return false;
  const kind: unknown = Reflect.get(view, 'kind');
  if (!SIMULATION_REPORT_KINDS.some((known) => known === kind)) return false;
  if (typeof Reflect.get(view, 'title') !== 'string' || !Array.isArray(Reflect.get(view, 'summary')) || !Array.isArray(Reflect.get(view, 'tables'))) return false;
  return (
    optionalChart(Reflect.get(view, 'timeline'), (timeline) => Array.isArray(Reflect.get(timeline, 'groups')) && Array.isArray(Reflect.get(timeline, 'marks')) && positive(Reflect.get(timeline, 'endSeconds'))) &&
    (Reflect.get(view, 'capacity') === undefined || Array.isArray(Reflect.get(view, 'capacity'))) &&
    optionalChart(Reflect.get(view, 'rounds'), (rounds) => Array.isArray(Reflect.get(rounds, 'bars'))) &&
    optionalChart(Reflect.get(view, 'balance'), (balance) => Array.isArray(Reflect.get(balance, 'hosts')) && positive(Reflect.get(balance, 'scaleMax')))
  );
}

/** Absent, or an object that passes the check. */
function optionalChart(chart: unknown, check: (chart: object) => boolean): boolean {
  if (chart === undefined) return true;
  return typeof chart === 'object' && chart !== null && check(chart);
}

function positive(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
