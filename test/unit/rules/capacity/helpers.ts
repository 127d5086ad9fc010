/** Designs for the capacity rule tests (run them with ../rule-test.ts). */

/** Three 64 GB hosts (68 GB less the 4 GB default overhead), 16 x 2 GHz each, in cluster prod. */
export function threeHosts(admissionControl: string, vms: string): string {
  return `vtopo: 1
clusters:
  prod:
    ha:
      admissionControl: ${admissionControl}
hosts:
  esx-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-02: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-03: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
vms:
${vms}`;
}
