/**
 * Host profiles for imported designs (docs/format.md, hostProfiles): hosts whose model,
 * edition, processors and memory are the same take them from one profile, said once
 * instead of once per host. Only groups of two or more. Adapters stay with each host: their
 * WWPNs and MACs differ from host to host.
 */

import type { DraftElement, DraftMap } from './emit';
import { idFromName, type IdAllocator } from './ids';

/** The hardware a host profile carries: what servers bought together share. */
const PROFILE_FIELDS = ['model', 'edition', 'cpu', 'memory'] as const;

/**
 * Moves shared hardware of the host elements (edited in place) into profiles, returned in
 * the order of their first host. A profile is named after the model, or after its
 * processors and memory when the inventory does not name the model ("2x32c-512-GB").
 */
export function factorProfiles(hosts: Map<string, DraftElement>, ids: IdAllocator): Map<string, DraftElement> {
  const groups = new Map<string, string[]>();
  for (const [id, element] of hosts) {
    const fields = element.value as DraftMap;
    if (fields.cpu === undefined || fields.memory === undefined) continue;
    const signature = JSON.stringify(PROFILE_FIELDS.map((key) => fields[key] ?? null));
    groups.set(signature, [...(groups.get(signature) ?? []), id]);
  }
  const profiles = new Map<string, DraftElement>();
  for (const members of groups.values()) {
    const [first] = members;
    const template = first === undefined ? undefined : (hosts.get(first)?.value as DraftMap | undefined);
    if (members.length < 2 || template === undefined) continue;
    const profileId = ids.allocate(idFromName(profileName(template), 'hardware'), 'profile');
    profiles.set(profileId, { value: Object.fromEntries(PROFILE_FIELDS.map((key) => [key, template[key]])) });
    for (const hostId of members) {
      const element = hosts.get(hostId);
      if (!element) continue;
      const rest = Object.entries(element.value as DraftMap).filter(([key]) => !(PROFILE_FIELDS as readonly string[]).includes(key));
      const { cluster, ...others } = Object.fromEntries(rest);
      hosts.set(hostId, { ...element, value: { cluster, profile: profileId, ...others } });
    }
  }
  return profiles;
}

function profileName(fields: DraftMap): string {
  if (typeof fields.model === 'string') return fields.model;
  const cpu = fields.cpu as DraftMap | undefined;
  const sockets = typeof cpu?.sockets === 'number' ? cpu.sockets : undefined;
  const cores = typeof cpu?.cores === 'number' ? cpu.cores : undefined;
  const processors = cores === undefined ? 'hardware' : sockets !== undefined && sockets > 0 && cores % sockets === 0 ? `${sockets}x${cores / sockets}c` : `${cores}c`;
  return `${processors} ${typeof fields.memory === 'string' ? fields.memory : ''}`;
}
