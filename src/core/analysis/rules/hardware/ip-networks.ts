/**
 * IP-side facts the iSCSI rules compare: which network (subnet, else VLAN) an interface is
 * on, and the Ethernet MTU an interface uses when the design does not say.
 */

/** Ethernet's standard MTU: what an interface uses unless jumbo frames are configured. */
export const STANDARD_MTU = 1500;

/**
 * The network an interface is on, for comparisons: its IPv4 subnet in canonical form
 * (`10.10.1.7/24` and `10.10.1.0/24` are the same network), else its VLAN, else unknown.
 */
export function networkKey(subnet: string | undefined, vlan: number | undefined): string | undefined {
  if (subnet !== undefined && subnet.trim() !== '') return canonicalSubnet(subnet);
  return vlan === undefined ? undefined : `VLAN ${vlan}`;
}

export function canonicalSubnet(subnet: string): string {
  const text = subnet.trim().toLowerCase();
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return text;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (prefix > 32 || octets.some((o) => o > 255)) return text;
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(address / size) * size;
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.')}/${prefix}`;
}
