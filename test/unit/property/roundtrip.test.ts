import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseVtopo } from '../../../src/core/model/parse';

/** A design as a test builds it, before it is printed. */
interface Design {
  readonly clusters: readonly string[];
  readonly hosts: ReadonlyArray<{ id: string; cluster: string | undefined; cores: number; memoryGB: number }>;
  readonly datastores: ReadonlyArray<{ id: string; localTo: string | undefined }>;
  readonly vms: ReadonlyArray<{ id: string; host: string; datastore: string | undefined; memoryMB: number; cpus: number }>;
}

/** How the printer writes a design: the format allows each of these spellings. */
interface Style {
  readonly collections: 'mapping' | 'list';
  readonly elements: 'block' | 'flow';
  readonly quantities: 'with-unit' | 'unit-key' | 'base-key';
  readonly quoteIds: boolean;
  readonly lineEnding: '\n' | '\r\n';
}

const idArbitrary = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/);

const designArbitrary: fc.Arbitrary<Design> = fc
  .uniqueArray(idArbitrary, { minLength: 1, maxLength: 40, comparator: 'IsStrictlyEqual' })
  .chain((ids) => {
    // Ids are unique across the file, so one pool of ids is split between the collections.
    return fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 })).chain(([clusterCount, datastoreCount]) => {
      const clusters = ids.slice(0, Math.min(clusterCount, ids.length - 1));
      const datastores = ids.slice(clusters.length, Math.min(clusters.length + datastoreCount, ids.length - 1));
      const rest = ids.slice(clusters.length + datastores.length);
      return fc.integer({ min: 1, max: rest.length }).chain((hostCount) => {
        const hostIds = rest.slice(0, hostCount);
        const vmIds = rest.slice(hostCount);
        const maybe = (items: readonly string[]) => (items.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...items), { nil: undefined }));
        return fc.record({
          clusters: fc.constant(clusters),
          hosts: fc.tuple(...hostIds.map((id) => fc.record({ id: fc.constant(id), cluster: maybe(clusters), cores: fc.integer({ min: 1, max: 256 }), memoryGB: fc.integer({ min: 1, max: 4096 }) }))),
          datastores: fc.tuple(...datastores.map((id) => fc.record({ id: fc.constant(id), localTo: maybe(hostIds) }))),
          vms: fc.tuple(...vmIds.map((id) => fc.record({ id: fc.constant(id), host: fc.constantFrom(...hostIds), datastore: maybe(datastores), memoryMB: fc.integer({ min: 1, max: 1 << 20 }), cpus: fc.integer({ min: 1, max: 64 }) }))),
        });
      });
    });
  });

const styleArbitrary: fc.Arbitrary<Style> = fc.record({
  collections: fc.constantFrom('mapping' as const, 'list' as const),
  elements: fc.constantFrom('block' as const, 'flow' as const),
  quantities: fc.constantFrom('with-unit' as const, 'unit-key' as const, 'base-key' as const),
  quoteIds: fc.boolean(),
  lineEnding: fc.constantFrom('\n' as const, '\r\n' as const),
});

/** Plain YAML scalars that would not read back as the same string (numbers, booleans, null) are quoted. */
function scalar(id: string, style: Style): string {
  const plain = /^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !/^(true|false|null|y|n|yes|no|on|off)$/i.test(id);
  return style.quoteIds || !plain ? JSON.stringify(id) : id;
}

function memory(memoryMB: number, style: Style): [string, string] {
  if (style.quantities === 'base-key') return ['memoryMB', String(memoryMB)];
  if (memoryMB % 1024 === 0) return style.quantities === 'unit-key' ? ['memoryGB', String(memoryMB / 1024)] : ['memory', `${memoryMB / 1024} GB`];
  return style.quantities === 'unit-key' ? ['memoryMB', String(memoryMB)] : ['memory', `${memoryMB} MB`];
}

function printCollection(key: string, elements: ReadonlyArray<{ id: string; fields: Array<[string, string]> }>, style: Style): string[] {
  if (elements.length === 0) return [`${key}: ${style.collections === 'list' ? '[]' : '{}'}`];
  const lines = [`${key}:`];
  for (const { id, fields } of elements) {
    const all: Array<[string, string]> = style.collections === 'list' ? [['id', scalar(id, style)], ...fields] : fields;
    if (style.elements === 'flow' || all.length === 0) {
      const flow = `{ ${all.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
      lines.push(style.collections === 'list' ? `  - ${flow}` : `  ${scalar(id, style)}: ${flow}`);
    } else if (style.collections === 'list') {
      all.forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${v}`));
    } else {
      lines.push(`  ${scalar(id, style)}:`, ...all.map(([k, v]) => `    ${k}: ${v}`));
    }
  }
  return lines;
}

function printDesign(design: Design, style: Style): string {
  const lines = [
    'vtopo: 1',
    ...printCollection('clusters', design.clusters.map((id) => ({ id, fields: [] })), style),
    ...printCollection('hosts', design.hosts.map((h) => ({
      id: h.id,
      fields: [
        ...(h.cluster === undefined ? [] : [['cluster', scalar(h.cluster, style)] as [string, string]]),
        ['cpu', `{ cores: ${h.cores}, speed: 2.6 GHz }`],
        memory(h.memoryGB * 1024, style),
      ],
    })), style),
    ...printCollection('datastores', design.datastores.map((d) => ({ id: d.id, fields: d.localTo === undefined ? [] : [['host', scalar(d.localTo, style)]] })), style),
    ...printCollection('vms', design.vms.map((v) => ({
      id: v.id,
      fields: [
        ['host', scalar(v.host, style)],
        ...(v.datastore === undefined ? [] : [['datastore', scalar(v.datastore, style)] as [string, string]]),
        memory(v.memoryMB, style),
        ['cpus', String(v.cpus)],
      ],
    })), style),
  ];
  return `${lines.join(style.lineEnding)}${style.lineEnding}`;
}

describe('property: a printed design reads back as itself', () => {
  it('keeps the hosts, VMs and datastores, their ids, references and quantities', () => {
    fc.assert(
      fc.property(designArbitrary, styleArbitrary, (design, style) => {
        const text = printDesign(design, style);
        const { topology, problems } = parseVtopo(text);
        assert.deepEqual(problems, [], text);
        assert.deepEqual(topology.clusters.map((c) => c.id), [...design.clusters]);
        assert.deepEqual(topology.hosts.map((h) => h.id), design.hosts.map((h) => h.id));
        assert.deepEqual(topology.vms.map((v) => v.id), design.vms.map((v) => v.id));
        assert.deepEqual(topology.datastores.map((d) => d.id), design.datastores.map((d) => d.id));
        for (const host of design.hosts) {
          const read = topology.host(host.id) ?? assert.fail(`host ${host.id} missing`);
          assert.equal(read.memoryMB, host.memoryGB * 1024);
          assert.equal(read.cpu.cores, host.cores);
          assert.equal(read.cluster, host.cluster);
          assert.equal(text.slice(read.idRange.start, read.idRange.end), scalar(host.id, style));
        }
        for (const vm of design.vms) {
          const read = topology.vm(vm.id) ?? assert.fail(`VM ${vm.id} missing`);
          assert.equal(read.host, vm.host);
          assert.equal(read.datastore, vm.datastore);
          assert.equal(read.memoryMB, vm.memoryMB);
          assert.equal(read.cpus, vm.cpus);
        }
        for (const datastore of design.datastores) assert.equal(topology.datastore(datastore.id)?.host, datastore.localTo);
      }),
      { numRuns: 300 },
    );
  });
});
