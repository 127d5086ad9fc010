/**
 * Copy and paste on the designer canvas: Ctrl+C keeps what an element is and where it sits
 * (kind, cluster, host, array, switch type and fabric); Ctrl+V turns each kept element into
 * an add-element intent with a fresh id in its siblings' style. Only the element itself is
 * copied (not its VMs, ports or fields). Pure, so it runs under Node's test runner.
 */

import type { NewElement } from '../edit/intents';
import { nextFreeId, siblingIds, type PaletteKind } from './designer-model';
import type { Diagram } from './diagram';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A copied element: a NewElement without its id, plus the id it was copied from. */
export type CopiedElement = WithoutId<NewElement> & { readonly from: string };

/** What Ctrl+C keeps of a diagram node; undefined for kinds the palette cannot add (clusters, chassis, controllers, ports, power feeds). */
export function copyOf(id: string, diagram: Diagram): CopiedElement | undefined {
  const node = diagram.nodes.find((candidate) => candidate.id === id);
  if (!node) return undefined;
  const parentKind = node.parent !== undefined ? diagram.nodes.find((candidate) => candidate.id === node.parent)?.kind : undefined;
  switch (node.kind) {
    case 'host': {
      // A host drawn in a rack or site names its cluster apart.
      const cluster = node.cluster ?? (node.parent !== undefined && parentKind === 'cluster' ? node.parent : undefined);
      return { from: node.id, kind: 'host', ...(cluster !== undefined ? { cluster } : {}) };
    }
    case 'vm':
      return node.parent !== undefined && parentKind === 'host' ? { from: node.id, kind: 'vm', host: node.parent } : undefined;
    case 'switch':
      return { from: node.id, kind: 'switch', switchType: node.switchType ?? 'ethernet', ...(node.fabric !== undefined ? { fabric: node.fabric } : {}) };
    case 'array':
      return { from: node.id, kind: 'array' };
    case 'datastore': {
      // The datastore's storage edge runs to the array presenting it (or the host holding it).
      const owner = diagram.edges.find((edge) => edge.kind === 'storage' && edge.source === node.id)?.target;
      const onArray = owner !== undefined && diagram.nodes.some((candidate) => candidate.id === owner && candidate.kind === 'array');
      return { from: node.id, kind: 'datastore', ...(onArray ? { array: owner } : {}) };
    }
    case 'site':
      return { from: node.id, kind: 'site' };
    case 'rack':
      return { from: node.id, kind: 'rack', ...(node.parent !== undefined && parentKind === 'site' ? { site: node.parent } : {}) };
    default:
      return undefined;
  }
}

function paletteKind(copied: CopiedElement): PaletteKind {
  if (copied.kind === 'switch') return copied.switchType === 'fc' ? 'fc-switch' : 'ethernet-switch';
  return copied.kind;
}

/** The elements Ctrl+V adds: one per copied element, each with a fresh id not used in the diagram nor by an earlier one. */
export function pastedElements(copied: readonly CopiedElement[], diagram: Diagram): NewElement[] {
  const taken = new Set(diagram.nodes.map((node) => node.id));
  return copied.map((entry) => {
    const kind = paletteKind(entry);
    const id = nextFreeId(kind, [entry.from, ...siblingIds(diagram, kind)], taken);
    taken.add(id);
    return withId(entry, id);
  });
}

function withId(copied: CopiedElement, id: string): NewElement {
  switch (copied.kind) {
    case 'host':
      return { kind: 'host', id, ...(copied.cluster !== undefined ? { cluster: copied.cluster } : {}) };
    case 'vm':
      return { kind: 'vm', id, host: copied.host };
    case 'switch':
      return { kind: 'switch', id, switchType: copied.switchType, ...(copied.fabric !== undefined ? { fabric: copied.fabric } : {}) };
    case 'array':
      return { kind: 'array', id };
    case 'datastore':
      return { kind: 'datastore', id, ...(copied.array !== undefined ? { array: copied.array } : {}) };
    case 'site':
      return { kind: 'site', id };
    case 'rack':
      return { kind: 'rack', id, ...(copied.site !== undefined ? { site: copied.site } : {}) };
  }
}
