/** Host lines for the placement rule test designs (run them with ../rule-test.ts). */

/** `count` hosts esx-01 ... in cluster `cluster`, as YAML lines under `hosts:`. */
export function hostLines(count: number, cluster = 'prod', prefix = 'esx'): string {
  return Array.from({ length: count }, (_, i) => `  ${prefix}-0${i + 1}: { cluster: ${cluster}, cpu: { cores: 16, speed: 2 GHz }, memory: 256 GB }`).join('\n');
}
