/**
 * The designer's device icons: small line drawings (24 x 24, stroked) of a server, a VM, an
 * FC and an Ethernet switch, a storage array, a controller, a datastore, a site, a rack, a
 * blade chassis and a power feed. Drawn here, not fetched: each is an SVG data URI, which the
 * webview's Content Security Policy allows as an image (`img-src data:`) and nothing else.
 * The canvas draws them in the theme's colours (iconDataUri, built again when the theme
 * changes); the toolbar and the legend use them as CSS masks painted in the text colour
 * (ICON_MASK_CSS). Pure, so it runs under Node's test runner.
 */

export const DEVICE_ICONS = ['host', 'vm', 'fc-switch', 'ethernet-switch', 'array', 'controller', 'datastore', 'site', 'rack', 'chassis', 'power-feed'] as const;

export type DeviceIcon = (typeof DEVICE_ICONS)[number];

/** The drawings: SVG shapes stroked in the icon's colour (a dot is a zero-length line with a round cap). */
const DRAWINGS: Readonly<Record<DeviceIcon, string>> = {
  // A 2U server: two units, each with its drive bays and a status light.
  host: '<rect x="3" y="3.5" width="18" height="7.5" rx="1.5"/><rect x="3" y="13" width="18" height="7.5" rx="1.5"/><path d="M10.5 7.25h7M10.5 16.75h7"/><path d="M6.5 7.25h.01M6.5 16.75h.01" stroke-width="2.6"/>',
  // A dashed (virtual) machine around its screen.
  vm: '<rect x="2.5" y="4" width="19" height="16" rx="2" stroke-dasharray="3 2.2"/><rect x="7" y="8.5" width="10" height="7" rx="1"/>',
  // A fabric switch: crossing paths.
  'fc-switch': '<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M6 9l12 6M6 15l12-6M18 15h-3.6M18 15l-1.9-3.1M18 9h-3.6M18 9l-1.9 3.1"/>',
  // A LAN switch: traffic both ways.
  'ethernet-switch': '<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M6 10h12M15 7.5l3 2.5-3 2.5M18 14H6M9 11.5L6 14l3 2.5"/>',
  // A disk shelf: two columns of drives.
  array: '<rect x="2" y="3.5" width="20" height="17" rx="1.5"/><path d="M5 8h6M13 8h6M5 12h6M13 12h6M5 16h6M13 16h6"/>',
  // A controller: a chip.
  controller: '<rect x="7" y="7" width="10" height="10" rx="1"/><path d="M9.5 3.5V7M14.5 3.5V7M9.5 17v3.5M14.5 17v3.5M3.5 9.5H7M3.5 14.5H7M17 9.5h3.5M17 14.5h3.5"/>',
  // A datastore: a database cylinder.
  datastore: '<ellipse cx="12" cy="5.5" rx="7.5" ry="2.5"/><path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5"/>',
  // A site: a building.
  site: '<path d="M3.5 21V6.5L12 3v18M12 8.5l8.5 2.5V21M2 21h20M7 9h1.5M7 12.5h1.5M7 16h1.5M15.5 14h1.5M15.5 17.5h1.5"/>',
  // A rack: a tall cabinet of units.
  rack: '<rect x="5.5" y="2" width="13" height="20" rx="1"/><path d="M5.5 7.5h13M5.5 12.5h13M5.5 17.5h13"/><path d="M8.5 4.75h.01M8.5 10h.01M8.5 15h.01" stroke-width="2.4"/>',
  // A blade chassis: blades side by side.
  chassis: '<rect x="2.5" y="4" width="19" height="16" rx="1.5"/><path d="M6.5 7v10M10 7v10M13.5 7v10M17 7v10"/>',
  // A power feed: a bolt.
  'power-feed': '<path d="M13.5 2.5L5 13.5h6.5L10.5 21.5 19 10.5h-6.5z"/>',
};

/** What a theme colour may be to go into an SVG attribute: #rgb(a), rgb()/rgba(), or a colour keyword. */
const SAFE_COLOUR = /^(?:#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*)?\)|[a-zA-Z]{3,20})$/;

/** The colour, if it is safe to write into the icon; otherwise the fallback. */
export function safeColour(colour: string, fallback: string): string {
  const trimmed = colour.trim();
  return SAFE_COLOUR.test(trimmed) ? trimmed : fallback;
}

/** The icon as SVG text, stroked in `colour` (checked by safeColour; black when it is not a colour). */
export function iconSvg(icon: DeviceIcon, colour: string): string {
  const stroke = safeColour(colour, '#000000');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><g fill="none" stroke="${stroke}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${DRAWINGS[icon]}</g></svg>`;
}

/** The icon as a data URI, for a cytoscape `background-image` or an <img>. */
export function iconDataUri(icon: DeviceIcon, colour: string): string {
  return `data:image/svg+xml,${encodeURIComponent(iconSvg(icon, colour))}`;
}

/**
 * CSS that paints each icon in the text colour wherever an element has the class
 * `vt-icon vt-icon-<name>`: the drawing is a mask over the element's background.
 */
export const ICON_MASK_CSS = [
  '.vt-icon { display: inline-block; width: 16px; height: 16px; vertical-align: middle; background-color: currentColor; -webkit-mask-repeat: no-repeat; mask-repeat: no-repeat; -webkit-mask-size: contain; mask-size: contain; }',
  ...DEVICE_ICONS.map((icon) => {
    const url = `url("${iconDataUri(icon, '#000000')}")`;
    return `.vt-icon-${icon} { -webkit-mask-image: ${url}; mask-image: ${url}; }`;
  }),
].join('\n');
