/**
 * The designer's toolbar commands: for each, its button's name and tooltip, its icon and
 * its keyboard shortcut (one table, so a button, its tooltip, the key and the "?" list
 * always agree), and the canvas keys that are not buttons. The words are plain English
 * constants grouped here for a later translation pass. Pure, so it runs under Node's test
 * runner; webview/designer/toolbar.ts builds the buttons from it.
 */

import type { DeviceIcon } from './designer-icons';
import type { PaletteKind } from './designer-model';

export type DesignerCommand =
  | `add-${PaletteKind}`
  | 'link' | 'delete' | 'find' | 'fit' | 'zoom-in' | 'zoom-out' | 'show-vms' | 'minimap' | 'power' | 'legend' | 'auto-layout'
  | 'export-svg' | 'export-png' | 'help' | 'show-text' | 'play' | 'clear-simulation';

/** A key as `KeyboardEvent.key` gives it; a letter with or without Shift. */
export interface CommandKey {
  readonly key: string;
  readonly shift?: boolean;
  /** Other keys that do the same (`=` for `+`). */
  readonly also?: readonly string[];
}

export interface CommandSpec {
  readonly command: DesignerCommand;
  /** The button's id (tests and the docs use it). */
  readonly id: string;
  /** The button's accessible name. */
  readonly label: string;
  /** What it does, for the tooltip (the shortcut is added to it). */
  readonly description: string;
  readonly icon: { readonly codicon: string } | { readonly device: DeviceIcon };
  readonly key: CommandKey;
}

const palette = (kind: PaletteKind, device: DeviceIcon, noun: string, where: string, key: string): CommandSpec => ({
  command: `add-${kind}`, id: `vt-add-${kind}`, label: `Add ${noun}`, description: `Add ${where}`, icon: { device }, key: { key, shift: true },
});

export const COMMANDS: readonly CommandSpec[] = [
  palette('host', 'host', 'host', 'a host (to the selected cluster)', 'H'),
  palette('vm', 'vm', 'VM', 'a VM on the selected host', 'V'),
  palette('fc-switch', 'fc-switch', 'FC switch', 'an FC switch (fabric A or B, whichever has fewer)', 'F'),
  palette('ethernet-switch', 'ethernet-switch', 'Ethernet switch', 'an Ethernet / iSCSI switch', 'E'),
  palette('array', 'array', 'array', 'a dual-controller storage array', 'A'),
  palette('datastore', 'datastore', 'datastore', 'a datastore (on the selected array)', 'D'),
  palette('site', 'site', 'site', 'a site: a data centre or building that can fail as a whole', 'S'),
  palette('rack', 'rack', 'rack', 'a rack (in the selected site)', 'R'),
  { command: 'link', id: 'vt-link', label: 'Link', description: 'Link mode: drag from a port (or host, controller, switch) to the other end, or pick one then the other (click, or Enter on the selected element), to cable them (Esc leaves)', icon: { codicon: 'plug' }, key: { key: 'L' } },
  { command: 'delete', id: 'vt-delete', label: 'Delete', description: 'Delete the selection', icon: { codicon: 'trash' }, key: { key: 'Delete', also: ['Backspace'] } },
  { command: 'find', id: 'vt-find', label: 'Find', description: 'Find an element by id', icon: { codicon: 'search' }, key: { key: '/' } },
  { command: 'fit', id: 'vt-fit', label: 'Fit', description: 'Fit the design in view (a small design stays at a zoom where its names can be read)', icon: { codicon: 'screen-full' }, key: { key: 'F' } },
  { command: 'zoom-in', id: 'vt-zoom-in', label: 'Zoom in', description: 'Zoom in', icon: { codicon: 'zoom-in' }, key: { key: '+', also: ['='] } },
  { command: 'zoom-out', id: 'vt-zoom-out', label: 'Zoom out', description: 'Zoom out', icon: { codicon: 'zoom-out' }, key: { key: '-', also: ['_'] } },
  { command: 'show-vms', id: 'vt-show-vms', label: 'Show VMs', description: 'Draw VMs inside their hosts (big designs show a VM count per host instead)', icon: { codicon: 'vm' }, key: { key: 'V' } },
  { command: 'minimap', id: 'vt-minimap-toggle', label: 'Minimap', description: 'Show or hide the overview of the design (shown by itself on designs of 30 elements or more)', icon: { codicon: 'map' }, key: { key: 'M' } },
  { command: 'power', id: 'vt-power', label: 'Power', description: 'Show the power feeds over the design: a dashed line from each device to each feed its power supplies are plugged into, and from each feed to the one it is fed from (the file is not changed)', icon: { codicon: 'zap' }, key: { key: 'P' } },
  { command: 'legend', id: 'vt-legend-toggle', label: 'Legend', description: 'Show or hide the legend: what the shapes, colours, borders and lines mean', icon: { codicon: 'symbol-color' }, key: { key: 'K' } },
  { command: 'auto-layout', id: 'vt-auto-layout', label: 'Auto layout', description: 'Lay the design out automatically (fcose) and write the new positions to the layout section', icon: { codicon: 'type-hierarchy' }, key: { key: 'L', shift: true } },
  { command: 'export-svg', id: 'vt-export-svg', label: 'Export SVG', description: 'Save the canvas as SVG', icon: { codicon: 'file-code' }, key: { key: 'X' } },
  { command: 'export-png', id: 'vt-export-png', label: 'Export PNG', description: 'Save the canvas as PNG', icon: { codicon: 'file-media' }, key: { key: 'X', shift: true } },
  { command: 'help', id: 'vt-help', label: 'Keyboard shortcuts', description: 'List the keyboard shortcuts in the property panel', icon: { codicon: 'question' }, key: { key: '?' } },
  { command: 'show-text', id: 'vt-reveal', label: 'Show text', description: 'Show the selected element in the text editor', icon: { codicon: 'go-to-file' }, key: { key: 'T' } },
  { command: 'play', id: 'vt-sim-play', label: 'Play', description: 'Play the simulation (again: pause)', icon: { codicon: 'play' }, key: { key: ' ', shift: true } },
  { command: 'clear-simulation', id: 'vt-sim-clear', label: 'Clear simulation', description: 'Return to the design', icon: { codicon: 'close' }, key: { key: 'Escape', shift: true } },
];

const BY_COMMAND = new Map(COMMANDS.map((spec) => [spec.command, spec]));

export function commandSpec(command: DesignerCommand): CommandSpec {
  const spec = BY_COMMAND.get(command);
  if (!spec) throw new Error(`unknown designer command ${command}`);
  return spec;
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

/** How the shortcut is written for people: `Shift+H`, `L`, `Delete`, `+`, `Shift+Space`. */
export function keyText(key: CommandKey): string {
  const name = key.key === ' ' ? 'Space' : key.key === 'Escape' ? 'Esc' : isLetter(key.key) ? key.key.toUpperCase() : key.key;
  return key.shift ? `Shift+${name}` : name;
}

/** The tooltip: what the command does and its key. */
export function commandTitle(spec: CommandSpec): string {
  return `${spec.description} (${keyText(spec.key)})`;
}

/** The command a key typed on the canvas stands for; none with Ctrl, Cmd or Alt (those belong to VS Code and the clipboard). */
export function commandForKey(event: { readonly key: string; readonly shiftKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean }): DesignerCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  for (const spec of COMMANDS) {
    const { key, shift = false, also = [] } = spec.key;
    if (isLetter(key)) {
      if (event.key.toUpperCase() === key.toUpperCase() && event.shiftKey === shift) return spec.command;
    } else if (key === ' ' || key === 'Escape') {
      if (event.key === key && event.shiftKey === shift) return spec.command;
    } else if (event.key === key || also.includes(event.key)) {
      return spec.command;
    }
  }
  return undefined;
}

/** The canvas's keys that are not toolbar buttons, for the "?" list. */
const CANVAS_KEYS: readonly string[] = [
  'Tab / Shift+Tab: next / previous element',
  'Arrows: move the selected element (Shift: further)',
  'Enter or F2: rename; double-click a label too (not a site, rack or chassis)',
  'Shift+F10 or the context-menu key: the selected element\'s menu (simulate its failure, show it in the text, delete it); right-click does the same',
  'Shift/Ctrl+click or drag a box: select several',
  'Ctrl+C / Ctrl+V: copy the selected elements, paste copies with new ids',
  'Esc: leave link mode, clear the selection',
  'Drag a VM onto another host to move it there',
  'Drag a host, switch or array into a rack, site or chassis to put it there (onto the background: out of it)',
  'Double-click a site, rack or chassis, or press Space on it: collapse or expand it',
  'Enter in link mode: pick the selected element as a cable end',
];

/** Every shortcut, one line each: the canvas's keys, then the toolbar's. */
export function shortcutHelp(): string[] {
  return [...CANVAS_KEYS, ...COMMANDS.map((spec) => `${keyText(spec.key)}: ${spec.label}`)];
}
