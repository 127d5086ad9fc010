/** Builders for small designs in the platform rule tests (run them with ../rule-test.ts). */

/** `count` hosts named h1..hN, each `{ cpu, memory }` plus `extra` inline keys (", cluster: c"). */
export function hosts(count: number, extra = ''): string {
  return Array.from({ length: count }, (_, i) => `  h${i + 1}: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB${extra} }`).join('\n');
}

/** `count` VMs v1..vN on `host`. */
export function vms(count: number, host: string, extra = ''): string {
  return Array.from({ length: count }, (_, i) => `  v${i + 1}: { host: ${host}, memory: 1 GB${extra} }`).join('\n');
}
