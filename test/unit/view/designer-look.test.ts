import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS, commandForKey, commandTitle, keyText, shortcutHelp } from '../../../src/core/view/designer-commands';
import { contextMenuItems, menuStep } from '../../../src/core/view/designer-context-menu';
import { DEVICE_ICONS, ICON_MASK_CSS, iconDataUri, iconSvg, safeColour } from '../../../src/core/view/designer-icons';
import { CONTAINER_FONT_GROWTH, edgeLabelsReadable, fitViewport, hiddenLabelKinds, labelBand, labelFontPx, MAX_FIT_ZOOM, READABLE_FIT_ZOOM } from '../../../src/core/view/designer-zoom';
import { displayLabel, LABEL_FONT_PX, MIN_LABEL_SCREEN_PX } from '../../../src/core/view/diagram-sizes';

const key = (k: string, shift = false) => ({ key: k, shiftKey: shift, ctrlKey: false, metaKey: false, altKey: false });

describe('designer icons', () => {
  it('draws every device as a small SVG in the colour given, as a data URI', () => {
    for (const icon of DEVICE_ICONS) {
      const svg = iconSvg(icon, '#1e1e1e');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 24 24">/, icon);
      assert.ok(svg.includes('stroke="#1e1e1e"'), icon);
      assert.ok(!/<script|on\w+=|href|url\(/i.test(svg), `${icon} is a drawing only`);
      assert.ok(iconDataUri(icon, '#fff').startsWith('data:image/svg+xml,%3Csvg'), icon);
    }
  });

  it('writes only colours into the drawing: anything else from the theme falls back', () => {
    assert.equal(safeColour(' rgba(12, 34, 56, 0.5) ', '#000'), 'rgba(12, 34, 56, 0.5)');
    assert.equal(safeColour('#abcdef80', '#000'), '#abcdef80');
    assert.equal(safeColour('white', '#000'), 'white');
    assert.equal(safeColour('"/><script>alert(1)</script>', '#000'), '#000');
    assert.equal(safeColour('url(https://example.com/x)', '#000'), '#000');
    assert.ok(iconSvg('host', 'red" onload="alert(1)').includes('stroke="#000000"'));
  });

  it('gives the toolbar and the legend each icon as a CSS mask', () => {
    for (const icon of DEVICE_ICONS) assert.ok(ICON_MASK_CSS.includes(`.vt-icon-${icon} { -webkit-mask-image: url("data:image/svg+xml,`), icon);
  });
});

describe('readable labels and Fit', () => {
  it('hides the labels that would be drawn smaller than the readable size, small fonts first', () => {
    assert.deepEqual(hiddenLabelKinds(1), []);
    assert.deepEqual(hiddenLabelKinds(0.9), ['port']);
    const far = hiddenLabelKinds(0.62);
    assert.ok(far.includes('vm') && far.includes('switch') && !far.includes('cluster') && !far.includes('site'), far.join());
    for (const kind of far) assert.ok(LABEL_FONT_PX[kind] * 0.62 < MIN_LABEL_SCREEN_PX, kind);
    assert.equal(edgeLabelsReadable(1), true);
    assert.equal(edgeLabelsReadable(0.95), false);
    assert.equal(labelBand(2), labelBand(1.5), 'one band while nothing changes');
    assert.notEqual(labelBand(1), labelBand(0.9));
  });

  it('writes the names of clusters, sites, racks and chassis bigger as you zoom out, so they stay readable, up to a limit', () => {
    assert.equal(labelFontPx('site', 1), LABEL_FONT_PX.site);
    for (const zoom of [0.5, 0.3, 0.25]) {
      for (const kind of ['cluster', 'site', 'rack', 'chassis'] as const) {
        const font = labelFontPx(kind, zoom);
        assert.ok(font * zoom >= MIN_LABEL_SCREEN_PX, `${kind} at ${zoom}: ${font}`);
        assert.ok(!hiddenLabelKinds(zoom).includes(kind), `${kind} named at ${zoom}`);
      }
    }
    assert.equal(labelFontPx('host', 0.3), LABEL_FONT_PX.host, 'a device keeps its size (and is hidden)');
    assert.ok(hiddenLabelKinds(0.3).includes('host'));
    assert.equal(labelFontPx('rack', 0.05), LABEL_FONT_PX.rack * CONTAINER_FONT_GROWTH, 'at most this much bigger');
    assert.ok(hiddenLabelKinds(0.05).includes('rack'), 'and hidden beyond');
    assert.notEqual(labelBand(0.4), labelBand(0.3), 'a bigger name is a restyle');
  });

  it('fits a design in the view, centred, never blown up past MAX_FIT_ZOOM', () => {
    const fitted = fitViewport({ x1: 0, y1: 0, x2: 1000, y2: 500 }, { width: 548, height: 400 }, 24, 200);
    assert.equal(fitted.zoom, 0.5);
    assert.deepEqual(fitted.pan, { x: 274 - 250, y: 200 - 125 });
    assert.equal(fitViewport({ x1: 0, y1: 0, x2: 40, y2: 40 }, { width: 800, height: 600 }, 24, 1).zoom, MAX_FIT_ZOOM);
  });

  it('keeps a small design that almost fits at a zoom where its hosts, switches and arrays can be read', () => {
    const almost = fitViewport({ x1: 0, y1: 0, x2: 1000, y2: 400 }, { width: 648 + 48, height: 600 }, 24, 30);
    assert.ok(648 / 1000 < READABLE_FIT_ZOOM, 'fitted, its hosts would be unnamed');
    assert.ok(Math.abs(almost.zoom - READABLE_FIT_ZOOM) < 1e-9, `${almost.zoom}`);
    for (const kind of ['host', 'switch', 'array'] as const) assert.ok(LABEL_FONT_PX[kind] * almost.zoom >= MIN_LABEL_SCREEN_PX, kind);
    assert.equal(almost.pan.x, 348 - 500 * almost.zoom, 'centred');
    const big = fitViewport({ x1: 0, y1: 0, x2: 1000, y2: 400 }, { width: 648 + 48, height: 600 }, 24, 500);
    assert.ok(big.zoom < READABLE_FIT_ZOOM, 'a big design is fitted');
    const far = fitViewport({ x1: 0, y1: 0, x2: 3000, y2: 400 }, { width: 648 + 48, height: 600 }, 24, 30);
    assert.ok(far.zoom < READABLE_FIT_ZOOM, 'a small design far too big for the view is fitted (its container names stay)');
  });

  it('writes the count of findings after the label, never for hints', () => {
    assert.equal(displayLabel({ label: 'esx-01', findingCount: 2, severity: 'warning' }), 'esx-01 \u26a02');
    assert.equal(displayLabel({ label: 'esx-01', findingCount: 1, severity: 'hint' }), 'esx-01');
    assert.equal(displayLabel({ label: 'esx-01', findingCount: 0 }), 'esx-01');
  });
});

describe('toolbar commands and their keys', () => {
  it('gives every toolbar command a distinct id, name, icon and key, and says the key in its tooltip', () => {
    assert.equal(new Set(COMMANDS.map((spec) => spec.id)).size, COMMANDS.length);
    assert.equal(new Set(COMMANDS.map((spec) => keyText(spec.key))).size, COMMANDS.length, 'no key twice');
    for (const spec of COMMANDS) {
      assert.ok(spec.label.length > 0 && spec.description.length > 0, spec.command);
      assert.ok(commandTitle(spec).endsWith(`(${keyText(spec.key)})`), commandTitle(spec));
      assert.equal(commandForKey(key(spec.key.key, spec.key.shift ?? false)), spec.command, `${keyText(spec.key)} runs ${spec.command}`);
    }
    assert.deepEqual(COMMANDS.filter((spec) => spec.command.startsWith('add-')).map((spec) => spec.id), ['vt-add-host', 'vt-add-vm', 'vt-add-fc-switch', 'vt-add-ethernet-switch', 'vt-add-array', 'vt-add-datastore', 'vt-add-site', 'vt-add-rack']);
  });

  it('tells a letter from its Shift form, takes = for + and leaves Ctrl, Cmd and Alt to VS Code', () => {
    assert.equal(commandForKey(key('l')), 'link');
    assert.equal(commandForKey(key('L', true)), 'auto-layout');
    assert.equal(commandForKey(key('v')), 'show-vms');
    assert.equal(commandForKey(key('V', true)), 'add-vm');
    assert.equal(commandForKey(key('=')), 'zoom-in');
    assert.equal(commandForKey(key('+', true)), 'zoom-in');
    assert.equal(commandForKey(key('?', true)), 'help');
    assert.equal(commandForKey(key(' ', true)), 'play');
    assert.equal(commandForKey(key(' ')), undefined, 'Space alone collapses a container (the canvas handles it)');
    assert.equal(commandForKey({ ...key('s'), ctrlKey: true }), undefined);
    assert.equal(commandForKey({ ...key('f'), altKey: true }), undefined);
    assert.equal(commandForKey(key('q')), undefined);
  });

  it('lists every shortcut for "?"', () => {
    const help = shortcutHelp();
    assert.ok(help.includes('Shift+H: Add host') && help.includes('F: Fit') && help.includes('K: Legend'), help.join('\n'));
    assert.ok(help.some((line) => line.startsWith('Shift+F10')));
  });
});

describe('the context menu', () => {
  it('offers the failure of what the simulator can fail, then Show in text and Delete', () => {
    const labels = (kind: Parameters<typeof contextMenuItems>[0]['kind'], id: string) => contextMenuItems({ id, kind }).map((item) => item.label);
    assert.deepEqual(labels('host', 'esx-01'), ['Simulate failure of esx-01', 'Show in text', 'Delete']);
    for (const kind of ['switch', 'array', 'controller', 'site', 'rack', 'chassis', 'power-feed'] as const) assert.equal(labels(kind, 'x')[0], 'Simulate failure of x', kind);
    for (const kind of ['vm', 'port', 'datastore', 'cluster'] as const) assert.deepEqual(labels(kind, 'x'), ['Show in text', 'Delete'], kind);
    const [simulate] = contextMenuItems({ id: 'fq1616r/a', kind: 'controller' });
    assert.deepEqual(simulate, { action: 'simulate-failure', label: 'Simulate failure of fq1616r/a', target: { kind: 'controller', id: 'fq1616r/a' } });
  });

  it('moves through the items with the arrows (wrapping), Home and End', () => {
    assert.equal(menuStep(0, 3, 'ArrowDown'), 1);
    assert.equal(menuStep(2, 3, 'ArrowDown'), 0);
    assert.equal(menuStep(0, 3, 'ArrowUp'), 2);
    assert.equal(menuStep(1, 3, 'Home'), 0);
    assert.equal(menuStep(0, 3, 'End'), 2);
    assert.equal(menuStep(0, 3, 'x'), undefined);
    assert.equal(menuStep(0, 0, 'ArrowDown'), undefined);
  });
});
