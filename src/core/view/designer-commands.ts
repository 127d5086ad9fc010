/**
 * The designer's toolbar commands: for each, its button's name and tooltip, its icon and
 * its keyboard shortcut (one table, so a button, its tooltip, the key and the "?" list
 * always agree), and the canvas keys that are not buttons. The words come from the
 * catalogs below, in the user's language each time they are read (docs/l10n.md). Pure, so it runs under Node's test
 * runner; webview/designer/toolbar.ts builds the buttons from it.
 */

import { defineMessages } from '../l10n/messages';
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

const MESSAGES = defineMessages('designer.commands', {
  addHost: 'Add host',
  addHostDescription: 'Add a host (to the selected cluster)',
  addVm: 'Add VM',
  addVmDescription: 'Add a VM on the selected host',
  addFcSwitch: 'Add FC switch',
  addFcSwitchDescription: 'Add an FC switch (fabric A or B, whichever has fewer)',
  addEthernetSwitch: 'Add Ethernet switch',
  addEthernetSwitchDescription: 'Add an Ethernet / iSCSI switch',
  addArray: 'Add array',
  addArrayDescription: 'Add a dual-controller storage array',
  addDatastore: 'Add datastore',
  addDatastoreDescription: 'Add a datastore (on the selected array)',
  addSite: 'Add site',
  addSiteDescription: 'Add a site: a data centre or building that can fail as a whole',
  addRack: 'Add rack',
  addRackDescription: 'Add a rack (in the selected site)',
  link: 'Link',
  linkDescription: 'Link mode: drag from a port (or host, controller, switch) to the other end, or pick one then the other (click, or Enter on the selected element), to cable them (Esc leaves)',
  delete: 'Delete',
  deleteDescription: 'Delete the selection',
  find: 'Find',
  findDescription: 'Find an element by id',
  fit: 'Fit',
  fitDescription: 'Fit the design in view (a small design stays at a zoom where its names can be read)',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  showVms: 'Show VMs',
  showVmsDescription: 'Draw VMs inside their hosts (big designs show a VM count per host instead)',
  minimap: 'Minimap',
  minimapDescription: 'Show or hide the overview of the design (shown by itself on designs of 30 elements or more)',
  power: 'Power',
  powerDescription: 'Show the power feeds over the design: a dashed line from each device to each feed its power supplies are plugged into, and from each feed to the one it is fed from (the file is not changed)',
  legend: 'Legend',
  legendDescription: 'Show or hide the legend: what the shapes, colours, borders and lines mean',
  autoLayout: 'Auto layout',
  autoLayoutDescription: 'Lay the design out automatically (fcose) and write the new positions to the layout section',
  exportSvg: 'Export SVG',
  exportSvgDescription: 'Save the canvas as SVG',
  exportPng: 'Export PNG',
  exportPngDescription: 'Save the canvas as PNG',
  help: 'Keyboard shortcuts',
  helpDescription: 'List the keyboard shortcuts in the property panel',
  showText: 'Show text',
  showTextDescription: 'Show the selected element in the text editor',
  play: 'Play',
  playDescription: 'Play the simulation (again: pause)',
  clearSimulation: 'Clear simulation',
  clearSimulationDescription: 'Return to the design',
  /** The tooltip: what a command does and its key. */
  title: '{description} ({key})',
  /** A line of the "?" list. */
  shortcut: '{key}: {action}',
  keySpace: 'Space',
  keyEsc: 'Esc',
  keyShift: 'Shift+{key}',
});

const CANVAS_KEYS = defineMessages('designer.canvas-keys', {
  tab: 'Tab / Shift+Tab: next / previous element',
  arrows: 'Arrows: move the selected element (Shift: further)',
  rename: 'Enter or F2: rename; double-click a label too (not a site, rack or chassis)',
  menu: 'Shift+F10 or the context-menu key: the selected element\'s menu (simulate its failure, show it in the text, delete it); right-click does the same',
  select: 'Shift/Ctrl+click or drag a box: select several',
  clipboard: 'Ctrl+C / Ctrl+V: copy the selected elements, paste copies with new ids',
  escape: 'Esc: leave link mode, clear the selection',
  dragVm: 'Drag a VM onto another host to move it there',
  dragPlace: 'Drag a host, switch or array into a rack, site or chassis to put it there (onto the background: out of it)',
  collapse: 'Double-click a site, rack or chassis, or press Space on it: collapse or expand it',
  linkEnter: 'Enter in link mode: pick the selected element as a cable end',
});

type Words = () => string;

/** A command whose name and tooltip are asked for in the user's language each time they are read. */
function command(spec: Omit<CommandSpec, 'label' | 'description'>, label: Words, description: Words = label): CommandSpec {
  return {
    ...spec,
    get label() { return label(); },
    get description() { return description(); },
  };
}

const palette = (kind: PaletteKind, device: DeviceIcon, label: Words, description: Words, key: string): CommandSpec =>
  command({ command: `add-${kind}`, id: `vt-add-${kind}`, icon: { device }, key: { key, shift: true } }, label, description);

const M = MESSAGES;
export const COMMANDS: readonly CommandSpec[] = [
  palette('host', 'host', () => M.addHost({}), () => M.addHostDescription({}), 'H'),
  palette('vm', 'vm', () => M.addVm({}), () => M.addVmDescription({}), 'V'),
  palette('fc-switch', 'fc-switch', () => M.addFcSwitch({}), () => M.addFcSwitchDescription({}), 'F'),
  palette('ethernet-switch', 'ethernet-switch', () => M.addEthernetSwitch({}), () => M.addEthernetSwitchDescription({}), 'E'),
  palette('array', 'array', () => M.addArray({}), () => M.addArrayDescription({}), 'A'),
  palette('datastore', 'datastore', () => M.addDatastore({}), () => M.addDatastoreDescription({}), 'D'),
  palette('site', 'site', () => M.addSite({}), () => M.addSiteDescription({}), 'S'),
  palette('rack', 'rack', () => M.addRack({}), () => M.addRackDescription({}), 'R'),
  command({ command: 'link', id: 'vt-link', icon: { codicon: 'plug' }, key: { key: 'L' } }, () => M.link({}), () => M.linkDescription({})),
  command({ command: 'delete', id: 'vt-delete', icon: { codicon: 'trash' }, key: { key: 'Delete', also: ['Backspace'] } }, () => M.delete({}), () => M.deleteDescription({})),
  command({ command: 'find', id: 'vt-find', icon: { codicon: 'search' }, key: { key: '/' } }, () => M.find({}), () => M.findDescription({})),
  command({ command: 'fit', id: 'vt-fit', icon: { codicon: 'screen-full' }, key: { key: 'F' } }, () => M.fit({}), () => M.fitDescription({})),
  command({ command: 'zoom-in', id: 'vt-zoom-in', icon: { codicon: 'zoom-in' }, key: { key: '+', also: ['='] } }, () => M.zoomIn({})),
  command({ command: 'zoom-out', id: 'vt-zoom-out', icon: { codicon: 'zoom-out' }, key: { key: '-', also: ['_'] } }, () => M.zoomOut({})),
  command({ command: 'show-vms', id: 'vt-show-vms', icon: { codicon: 'vm' }, key: { key: 'V' } }, () => M.showVms({}), () => M.showVmsDescription({})),
  command({ command: 'minimap', id: 'vt-minimap-toggle', icon: { codicon: 'map' }, key: { key: 'M' } }, () => M.minimap({}), () => M.minimapDescription({})),
  command({ command: 'power', id: 'vt-power', icon: { codicon: 'zap' }, key: { key: 'P' } }, () => M.power({}), () => M.powerDescription({})),
  command({ command: 'legend', id: 'vt-legend-toggle', icon: { codicon: 'symbol-color' }, key: { key: 'K' } }, () => M.legend({}), () => M.legendDescription({})),
  command({ command: 'auto-layout', id: 'vt-auto-layout', icon: { codicon: 'type-hierarchy' }, key: { key: 'L', shift: true } }, () => M.autoLayout({}), () => M.autoLayoutDescription({})),
  command({ command: 'export-svg', id: 'vt-export-svg', icon: { codicon: 'file-code' }, key: { key: 'X' } }, () => M.exportSvg({}), () => M.exportSvgDescription({})),
  command({ command: 'export-png', id: 'vt-export-png', icon: { codicon: 'file-media' }, key: { key: 'X', shift: true } }, () => M.exportPng({}), () => M.exportPngDescription({})),
  command({ command: 'help', id: 'vt-help', icon: { codicon: 'question' }, key: { key: '?' } }, () => M.help({}), () => M.helpDescription({})),
  command({ command: 'show-text', id: 'vt-reveal', icon: { codicon: 'go-to-file' }, key: { key: 'T' } }, () => M.showText({}), () => M.showTextDescription({})),
  command({ command: 'play', id: 'vt-sim-play', icon: { codicon: 'play' }, key: { key: ' ', shift: true } }, () => M.play({}), () => M.playDescription({})),
  command({ command: 'clear-simulation', id: 'vt-sim-clear', icon: { codicon: 'close' }, key: { key: 'Escape', shift: true } }, () => M.clearSimulation({}), () => M.clearSimulationDescription({})),
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
  const name = key.key === ' ' ? MESSAGES.keySpace({}) : key.key === 'Escape' ? MESSAGES.keyEsc({}) : isLetter(key.key) ? key.key.toUpperCase() : key.key;
  return key.shift ? MESSAGES.keyShift({ key: name }) : name;
}

/** The tooltip: what the command does and its key. */
export function commandTitle(spec: CommandSpec): string {
  return MESSAGES.title({ description: spec.description, key: keyText(spec.key) });
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

/** Every shortcut, one line each: the canvas's keys, then the toolbar's. */
export function shortcutHelp(): string[] {
  const canvasKeys = Object.values(CANVAS_KEYS).map((line) => line({}));
  return [...canvasKeys, ...COMMANDS.map((spec) => MESSAGES.shortcut({ key: keyText(spec.key), action: spec.label }))];
}
