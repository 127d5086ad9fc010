/**
 * Ids for imported elements, from their names: valid .vtopo ids (letters, digits, ".", "_",
 * "-"), unique across the file as the format requires, and the same for the same inventory
 * whatever the order of its rows, because callers allocate in sorted name order.
 */

import { ID_PATTERN } from '../model/schema';

/** "SQL Server 01" -> "SQL-Server-01"; "(old) web" -> "old-web"; nothing usable -> fallback. */
export function idFromName(name: string, fallback: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return ID_PATTERN.test(id) ? id : fallback;
}

/**
 * Host names as ids: a fully qualified name shortened to its first label when no other
 * host shares that label ("esx-01.dc1.example.com" -> "esx-01"), kept whole otherwise.
 */
export function shortHostNames(names: readonly string[]): ReadonlyMap<string, string> {
  const isAddress = (name: string) => /^\d+(\.\d+){3}$/.test(name);
  const label = (name: string) => (isAddress(name) ? name : (name.split('.')[0] ?? name));
  const count = new Map<string, number>();
  for (const name of new Set(names)) count.set(label(name).toLowerCase(), (count.get(label(name).toLowerCase()) ?? 0) + 1);
  return new Map(names.map((name) => [name, count.get(label(name).toLowerCase()) === 1 ? label(name) : name]));
}

/** Hands out ids unique across the file (case-insensitively, so that no two ids differ by case only). */
export class IdAllocator {
  private readonly taken = new Set<string>();

  /** `wanted`, or `wanted-<kind>` when taken by another element, or `wanted-2`, `wanted-3`, ... */
  allocate(wanted: string, kind: string): string {
    for (const candidate of [wanted, `${wanted}-${kind}`]) {
      if (this.claim(candidate)) return candidate;
    }
    for (let n = 2; ; n++) {
      const candidate = `${wanted}-${kind}-${n}`;
      if (this.claim(candidate)) return candidate;
    }
  }

  /** Reserves an id that is fixed (a nested id such as a port); false when taken. */
  claim(id: string): boolean {
    const key = id.toLowerCase();
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}

/** Host lookup by the name as written, case-insensitively, or by its first label when no other host has it. */
export function hostNameLookup(hostIds: ReadonlyMap<string, string>): (name: string) => string | undefined {
  const byLower = new Map<string, string>();
  const byLabel = new Map<string, string | null>();
  for (const [name, id] of hostIds) {
    byLower.set(name.toLowerCase(), id);
    const label = name.split('.')[0]?.toLowerCase() ?? '';
    byLabel.set(label, byLabel.has(label) ? null : id);
  }
  return (name) => hostIds.get(name) ?? byLower.get(name.toLowerCase()) ?? byLabel.get(name.split('.')[0]?.toLowerCase() ?? '') ?? undefined;
}
