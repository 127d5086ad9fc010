/**
 * Which elements the designer places in sites, racks and chassis, and where each may stand
 * (docs/format.md, "Failure domains"): hosts and switches in any of them (a blade or an
 * interconnect module in a chassis), arrays and chassis in a site or rack, racks in a site;
 * `none` is out of every one. No imports, so the webview can use it without the format.
 */

export type PlacementKind = 'site' | 'rack' | 'chassis' | 'none';

/** Where a dropped element goes: into a site, a rack or a chassis, or into none (the canvas). */
export type PlacementTarget = { readonly kind: 'site' | 'rack' | 'chassis'; readonly id: string } | { readonly kind: 'none' };

export const PLACED_IN: Readonly<Record<string, ReadonlySet<PlacementKind>>> = {
  host: new Set(['site', 'rack', 'chassis', 'none']),
  switch: new Set(['site', 'rack', 'chassis', 'none']),
  array: new Set(['site', 'rack', 'none']),
  chassis: new Set(['site', 'rack', 'none']),
  rack: new Set(['site', 'none']),
};
