/**
 * The designer's legend: a small box in the bottom left corner of the canvas (the Legend
 * button or K shows and hides it) that says what the device icons, the line colours and
 * dashes and the borders mean, in the user's language (designer-texts.ts). Built with DOM calls, every text set as textContent; the
 * swatches are CSS classes (designer-style.ts) in the theme's colours.
 */

import type { DeviceIcon } from '../../src/core/view/designer-icons';
import { el } from './dom';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

const DEVICES: ReadonlyArray<readonly [DeviceIcon, () => string]> = [
  ['host', () => TEXTS.legendHost({})],
  ['vm', () => TEXTS.legendVm({})],
  ['fc-switch', () => TEXTS.legendFcSwitch({})],
  ['ethernet-switch', () => TEXTS.legendEthernetSwitch({})],
  ['array', () => TEXTS.legendArray({})],
  ['controller', () => TEXTS.legendController({})],
  ['datastore', () => TEXTS.legendDatastore({})],
  ['site', () => TEXTS.legendSite({})],
  ['rack', () => TEXTS.legendRack({})],
  ['chassis', () => TEXTS.legendChassis({})],
  ['power-feed', () => TEXTS.legendPowerFeed({})],
];

/** Swatch class (designer-style.ts) and meaning. */
const LINES: ReadonlyArray<readonly [string, () => string]> = [
  ['vt-swatch-fabric-a', () => TEXTS.legendFabricA({})],
  ['vt-swatch-fabric-b', () => TEXTS.legendFabricB({})],
  ['vt-swatch-cable', () => TEXTS.legendCable({})],
  ['vt-swatch-storage', () => TEXTS.legendStorage({})],
  ['vt-swatch-suggested', () => TEXTS.legendSuggested({})],
  ['vt-swatch-power', () => TEXTS.legendPower({})],
  ['vt-swatch-fed-from', () => TEXTS.legendFedFrom({})],
];

const MARKS: ReadonlyArray<readonly [string, () => string]> = [
  ['vt-swatch-cluster', () => TEXTS.legendCluster({})],
  ['vt-swatch-switch-a', () => TEXTS.legendSwitchA({})],
  ['vt-swatch-switch-b', () => TEXTS.legendSwitchB({})],
  ['vt-swatch-error', () => TEXTS.legendError({})],
  ['vt-swatch-warning', () => TEXTS.legendWarning({})],
  ['vt-swatch-info', () => TEXTS.legendInfo({})],
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
      el('h2', { text: TEXTS.legendTitle({}) }),
      ...section(TEXTS.legendDevices({}), DEVICES.map(([icon, text]) => entry(el('span', { className: `vt-icon vt-icon-${icon}` }), text()))),
      ...section(TEXTS.legendLines({}), LINES.map(([swatch, text]) => entry(el('span', { className: `vt-swatch vt-swatch-line ${swatch}` }), text()))),
      ...section(TEXTS.legendMarks({}), MARKS.map(([swatch, text]) => entry(el('span', { className: `vt-swatch vt-swatch-box ${swatch}` }), text()))),
    );
    this.element.setAttribute('aria-label', TEXTS.legendTitle({}));
  }

  get shown(): boolean {
    return !this.element.classList.contains('vt-hidden');
  }

  toggle(): boolean {
    this.element.classList.toggle('vt-hidden');
    return this.shown;
  }
}
