/** A small dual-fabric FC design (the array vendor white paper (docs/design/sources.md#seed-000) shape) to vary in the storage rule tests. */

export const hba = (type = 'fc') => `{ type: ${type}, ports: { p0: { roles: [storage] }, p1: { roles: [storage] } } }`;

export interface DesignParts {
  readonly hosts?: string;
  readonly switches?: string;
  readonly arrays?: string;
  readonly datastores?: string;
  readonly links?: readonly string[];
  readonly vms?: string;
}

export const REDUNDANT_LINKS = [
  '[esx-01/hba1/p0, fc-a]',
  '[esx-01/hba2/p0, fc-b]',
  '[esx-02/hba1/p0, fc-a]',
  '[esx-02/hba2/p0, fc-b]',
  '[fq/a/fc0, fc-a]',
  '[fq/a/fc1, fc-b]',
  '[fq/b/fc0, fc-a]',
  '[fq/b/fc1, fc-b]',
] as const;

export function design(parts: DesignParts = {}): string {
  const host = (id: string) => `  ${id}:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: ${hba()}\n      hba2: ${hba()}\n`;
  const links = parts.links ?? REDUNDANT_LINKS;
  return [
    'vtopo: 1',
    'clusters:',
    '  prod: {}',
    'hosts:',
    (parts.hosts ?? `${host('esx-01')}${host('esx-02')}`).trimEnd(),
    'switches:',
    parts.switches ?? '  fc-a: { type: fc, fabric: A }\n  fc-b: { type: fc, fabric: B }',
    'arrays:',
    parts.arrays ??
      '  fq:\n    controllers:\n      a: { ports: { fc0: { type: fc }, fc1: { type: fc }, fc2: { type: fc } } }\n      b: { ports: { fc0: { type: fc }, fc1: { type: fc }, fc2: { type: fc } } }',
    'datastores:',
    parts.datastores ?? '  ds1: { array: fq, lun: 1 }',
    ...(links.length > 0 ? ['links:', ...links.map((link) => `  - ${link}`)] : ['links: []']),
    'vms:',
    parts.vms ?? '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }\n  vm2: { host: esx-02, memory: 4 GB, datastore: ds1 }',
    '',
  ].join('\n');
}

export function removeLink(link: string): string[] {
  return REDUNDANT_LINKS.filter((l) => l !== link);
}
