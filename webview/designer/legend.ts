/**
 * The designer's legend: a small box in the bottom left corner of the canvas (the Legend
 * button or K shows and hides it) that says what the device icons, the line colours and
 * dashes and the borders mean. Built with DOM calls, every text set as textContent; the
 * swatches are CSS classes (designer-style.ts) in the theme's colours.
 */

import type { DeviceIcon } from '../../src/core/view/designer-icons';
import { el } from './dom';

const WORDS = {
  title: 'Legend',
  devices: 'Devices',
  lines: 'Lines',
  marks: 'Boxes and borders',
} as const;

const DEVICES: ReadonlyArray<readonly [DeviceIcon, string]> = [
  ['host', 'Host (around its VMs and ports)'],
  ['vm', 'VM'],
  ['fc-switch', 'FC switch'],
  ['ethernet-switch', 'Ethernet switch'],
  ['array', 'Storage array (around its controllers)'],
  ['controller', 'Controller (around its ports)'],
  ['datastore', 'Datastore'],
  ['site', 'Site'],
  ['rack', 'Rack'],
  ['chassis', 'Blade chassis'],
  ['power-feed', 'Power feed'],
];

/** Swatch class (designer-style.ts) and meaning. */
const LINES: ReadonlyArray<readonly [string, string]> = [
  ['vt-swatch-fabric-a', 'Cable on fabric A'],
  ['vt-swatch-fabric-b', 'Cable on fabric B'],
  ['vt-swatch-cable', 'Other cable (LAN)'],
  ['vt-swatch-storage', 'Datastore to its array (dashed)'],
  ['vt-swatch-suggested', 'Cable a quick fix would add (dashed)'],
  ['vt-swatch-power', 'Power supply to its feed (dashed, Power on)'],
  ['vt-swatch-fed-from', 'Feed to the feed it is fed from (Power on)'],
];

const MARKS: ReadonlyArray<readonly [string, string]> = [
  ['vt-swatch-cluster', 'Cluster (dashed box)'],
  ['vt-swatch-switch-a', 'Fabric A switch'],
  ['vt-swatch-switch-b', 'Fabric B switch'],
  ['vt-swatch-error', 'Error (double border, \u26a0 count)'],
  ['vt-swatch-warning', 'Warning'],
  ['vt-swatch-info', 'Information'],
];

function entry(swatch: HTMLElement, text: string): HTMLElement {
  swatch.setAttribute('aria-hidden', 'true');
  return el('li', {}, swatch, el('span', { text }));
}

function section(heading: string, items: HTMLElement[]): HTMLElement[] {
  const list = el('ul', {}, ...items);
  list.setAttribute('aria-label', heading);
  return [el('h3', { text: heading }), list];
}

export class Legend {
  readonly element: HTMLElement;

  constructor() {
    this.element = el('section', { className: 'vt-legend vt-hidden', id: 'vt-legend' },
      el('h2', { text: WORDS.title }),
      ...section(WORDS.devices, DEVICES.map(([icon, text]) => entry(el('span', { className: `vt-icon vt-icon-${icon}` }), text))),
      ...section(WORDS.lines, LINES.map(([swatch, text]) => entry(el('span', { className: `vt-swatch vt-swatch-line ${swatch}` }), text))),
      ...section(WORDS.marks, MARKS.map(([swatch, text]) => entry(el('span', { className: `vt-swatch vt-swatch-box ${swatch}` }), text))),
    );
    this.element.setAttribute('aria-label', WORDS.title);
  }

  get shown(): boolean {
    return !this.element.classList.contains('vt-hidden');
  }

  toggle(): boolean {
    this.element.classList.toggle('vt-hidden');
    return this.shown;
  }
}
