/**
 * Inert SVG for the designer's export: the picture comes from the webview, which draws a
 * design's names and ids, so the host writes only plain shapes and text. An allow-list of
 * drawing elements and presentation attributes is re-emitted; everything else goes,
 * element and content: scripts, event handlers, `foreignObject`, links, images, `use`,
 * animations, styles, and any reference (`href`, `url(...)`) that could load something.
 * Input that is not well-formed SVG is refused.
 */

import { escapeXml } from './designer-model';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const ELEMENTS: ReadonlySet<string> = new Set(['svg', 'g', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'title', 'desc']);

const ATTRIBUTES: ReadonlySet<string> = new Set([
  'xmlns', 'version', 'viewBox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'points', 'd', 'dx', 'dy', 'transform',
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
]);

/** Values of the attributes above: numbers, colours, lists, paths, font names; no reference. */
const SAFE_VALUE = /^[-\w\s.,#%()'"]*$/;

const PROLOG = /^\uFEFF?<\?xml\s[^<>?]*\?>/;
const OPEN_TAG = /<([A-Za-z_][-\w.:]*)((?:\s+[A-Za-z_:][-\w.:]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const CLOSE_TAG = /<\/([A-Za-z_][-\w.:]*)\s*>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));|&/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character and predefined entity references decoded; undefined for a bare `&` or another entity. */
function decoded(text: string): string | undefined {
  let valid = true;
  const result = text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? '';
    const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : Number.NaN;
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) {
      valid = false;
      return whole;
    }
    return String.fromCodePoint(code);
  });
  return valid ? result : undefined;
}

/** The allowed attributes of a tag, re-escaped; undefined when one names a namespace other than SVG's. */
function keptAttributes(source: string): string | undefined {
  let kept = '';
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? '';
    const value = decoded(match[2] ?? match[3] ?? '');
    if (value === undefined) return undefined;
    if (name === 'xmlns') {
      if (value !== SVG_NAMESPACE) return undefined;
    } else if (!ATTRIBUTES.has(name) || !SAFE_VALUE.test(value) || /url\s*\(/i.test(value)) {
      continue;
    }
    kept += ` ${name}="${escapeXml(value)}"`;
  }
  return kept;
}

/** The SVG with only inert content, or undefined when it is not one well-formed `<svg>` element. */
export function inertSvg(svg: string): string | undefined {
  const prolog = PROLOG.exec(svg)?.[0] ?? '';
  let out = prolog;
  let at = prolog.length;
  const open: Array<{ name: string; kept: boolean }> = [];
  let dropped = 0;
  let rootClosed = false;
  while (at < svg.length) {
    const lt = svg.indexOf('<', at);
    const textEnd = lt < 0 ? svg.length : lt;
    if (textEnd > at) {
      const text = svg.slice(at, textEnd);
      if (open.length === 0) {
        if (text.trim() !== '') return undefined;
        out += text;
      } else if (dropped === 0) {
        const value = decoded(text);
        if (value === undefined) return undefined;
        out += escapeXml(value);
      } else if (decoded(text) === undefined) {
        return undefined;
      }
      at = textEnd;
      continue;
    }
    if (svg.startsWith('<!--', at) || svg.startsWith('<![CDATA[', at)) {
      const end = svg.indexOf(svg.startsWith('<!--', at) ? '-->' : ']]>', at);
      if (end < 0) return undefined;
      at = end + 3;
      continue;
    }
    CLOSE_TAG.lastIndex = at;
    const close = CLOSE_TAG.exec(svg);
    if (close) {
      const element = open.pop();
      if (!element || element.name !== close[1]) return undefined;
      if (element.kept) out += `</${element.name}>`;
      else dropped--;
      if (open.length === 0) rootClosed = true;
      at = CLOSE_TAG.lastIndex;
      continue;
    }
    OPEN_TAG.lastIndex = at;
    const tag = OPEN_TAG.exec(svg);
    if (!tag || rootClosed) return undefined;
    const name = tag[1] ?? '';
    const selfClosing = tag[3] === '/';
    if (open.length === 0 && name !== 'svg') return undefined;
    at = OPEN_TAG.lastIndex;
    if (dropped > 0 || !ELEMENTS.has(name)) {
      if (!selfClosing) {
        open.push({ name, kept: false });
        dropped++;
      }
      continue;
    }
    const attributes = keptAttributes(tag[2] ?? '');
    if (attributes === undefined) return undefined;
    out += `<${name}${attributes}${selfClosing ? '/>' : '>'}`;
    if (selfClosing) {
      if (open.length === 0) rootClosed = true;
    } else {
      open.push({ name, kept: true });
    }
  }
  return rootClosed && open.length === 0 ? out : undefined;
}
