/**
 * What a VM's free-text `role` means to the guest-cluster and crossing rules. The guest cluster table of
 * the HA strategies handbook (docs/design/sources.md#seed-001-guest-cluster-table): failover clusters serve stateful applications (SQL, Exchange, file, print,
 * message queues); NLB clusters serve stateless ones (web, VPN, streaming media).
 */

const STATEFUL_WORDS = new Set(['sql', 'mssql', 'sqlserver', 'exchange', 'file', 'fileserver', 'print', 'printserver', 'queue', 'msmq', 'mq']);
const STATELESS_WORDS = new Set(['web', 'www', 'iis', 'vpn', 'streaming', 'stream', 'media']);

/** Critical peers the VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) keeps apart: Exchange on host A, SQL on host B, a third host as standby. */
export const CRITICAL_PEER_ROLES = ['exchange', 'sql'] as const;
export type CriticalPeerRole = (typeof CRITICAL_PEER_ROLES)[number];

const PEER_WORDS: Record<CriticalPeerRole, ReadonlySet<string>> = {
  exchange: new Set(['exchange']),
  sql: new Set(['sql', 'mssql', 'sqlserver']),
};

function words(role: string): string[] {
  return role.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
}

export type RoleKind = 'stateful' | 'stateless';

/** Stateful, stateless, or undefined when the role names neither kind (e.g. "app", "ci"). */
export function roleKind(role: string | undefined): RoleKind | undefined {
  if (role === undefined) return undefined;
  const list = words(role);
  if (list.some((word) => STATEFUL_WORDS.has(word))) return 'stateful';
  if (list.some((word) => STATELESS_WORDS.has(word))) return 'stateless';
  return undefined;
}

const peerByRole = new Map<string, CriticalPeerRole | undefined>();

/** Exchange, SQL Server, or undefined; memoized, since a design repeats a handful of roles. */
export function criticalPeerRole(role: string | undefined): CriticalPeerRole | undefined {
  if (role === undefined) return undefined;
  if (peerByRole.has(role)) return peerByRole.get(role);
  const list = words(role);
  const peer = CRITICAL_PEER_ROLES.find((candidate) => list.some((word) => PEER_WORDS[candidate].has(word)));
  if (peerByRole.size < 10_000) peerByRole.set(role, peer);
  return peer;
}
