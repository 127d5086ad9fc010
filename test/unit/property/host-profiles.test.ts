import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isMap, isScalar, parseDocument, Pair, Scalar, YAMLMap, type Node } from 'yaml';
import { analyzeText } from '../../../src/core/analysis/engine';
import { HOST_PROFILE_KEYS } from '../../../src/core/model/format';
import { completeExample, FORMAT_DOC_PATH } from '../../../scripts/generate-docs';

/** The key a spelling stands for: `memory`, `memoryGB` and `memoryMB` are one key. */
function canonicalKey(key: string): string | undefined {
  if (/^memory(KB|MB|GB|TB)?$/.test(key)) return 'memoryMB';
  return (HOST_PROFILE_KEYS as readonly string[]).includes(key) ? key : undefined;
}

interface Factored {
  readonly text: string;
  /** Hosts that name the profile. */
  readonly hosts: readonly string[];
  /** Keys the profile gives. */
  readonly keys: readonly string[];
}

/**
 * Rewrites a design so that its hosts' shared hardware is said once, in a host profile:
 * for each key a profile may give, the value most hosts write (when at least two do) goes
 * into the profile; a host that writes every key of the profile names it and drops the
 * keys whose value it shares, keeping those it writes differently (which then override the
 * profile). A host that lacks a key of the profile keeps its text, since it would take that
 * key. `profile:` goes where the first dropped key was, so the keys a host takes stand
 * where they stood.
 */
function factorHosts(text: string, profileId: string): Factored {
  const document = parseDocument(text);
  const root = document.contents;
  const hostsNode = isMap(root) ? root.get('hosts', true) : undefined;
  assert.ok(isMap(hostsNode), 'hosts written as a mapping');
  const hosts = (hostsNode.items as Array<Pair<Scalar, Node>>).map((pair) => ({ id: String(pair.key.value), body: pair.value as unknown }));
  const written = (body: unknown) => (isMap(body) ? (body.items as Array<Pair<Scalar, Node>>) : []).flatMap((pair) => {
    const key = canonicalKey(String(pair.key.value));
    return key === undefined ? [] : [{ key, pair, value: `${String(pair.key.value)}=${JSON.stringify(pair.value?.toJSON())}` }];
  });
  const counts = new Map<string, Map<string, { count: number; pair: Pair<Scalar, Node> }>>();
  for (const host of hosts) {
    for (const { key, pair, value } of written(host.body)) {
      const values = counts.get(key) ?? new Map<string, { count: number; pair: Pair<Scalar, Node> }>();
      const entry = values.get(value) ?? { count: 0, pair };
      entry.count++;
      values.set(value, entry);
      counts.set(key, values);
    }
  }
  const profile = new Map<string, { value: string; pair: Pair<Scalar, Node> }>();
  for (const [key, values] of counts) {
    const [value, best] = [...values].sort((a, b) => b[1].count - a[1].count)[0] ?? [];
    if (value !== undefined && best && best.count >= 2) profile.set(key, { value, pair: best.pair });
  }
  const takers: string[] = [];
  for (const host of hosts) {
    const own = written(host.body);
    if (!isMap(host.body) || [...profile.keys()].some((key) => !own.some((entry) => entry.key === key))) continue;
    const dropped = own.filter((entry) => profile.get(entry.key)?.value === entry.value).map((entry) => entry.pair);
    if (dropped.length === 0) continue;
    const body = host.body as YAMLMap<Scalar, Node>;
    const at = body.items.indexOf(dropped[0] as Pair<Scalar, Node>);
    body.items = body.items.filter((pair) => !dropped.includes(pair));
    body.items.splice(at, 0, new Pair(new Scalar('profile'), new Scalar(profileId)));
    takers.push(host.id);
  }
  const profileBody = new YAMLMap<Scalar, Node>();
  profileBody.items = [...profile.values()].map(({ pair }) => pair.clone() as Pair<Scalar, Node>);
  const section = new YAMLMap<Scalar, YAMLMap>();
  section.items = [new Pair(new Scalar(profileId), profileBody)];
  assert.ok(isMap(root));
  const hostsAt = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'hosts');
  root.items.splice(hostsAt, 0, new Pair(new Scalar('hostProfiles'), section) as unknown as (typeof root.items)[number]);
  return { text: document.toString({ lineWidth: 0 }), hosts: takers, keys: [...profile.keys()] };
}

/**
 * The reverse: writes out, in each host that names a profile, the keys it takes from it,
 * where `profile:` stood, and drops the profiles.
 */
function expandProfiles(text: string): string {
  const document = parseDocument(text);
  const root = document.contents;
  assert.ok(isMap(root));
  const profiles = root.get('hostProfiles', true);
  const hostsNode = root.get('hosts', true);
  assert.ok(isMap(profiles) && isMap(hostsNode), 'profiles and hosts written as mappings');
  for (const host of hostsNode.items as Array<Pair<Scalar, Node>>) {
    const body = host.value;
    if (!isMap(body)) continue;
    const items = body.items as Array<Pair<Scalar, Node>>;
    const named = items.find((pair) => pair.key.value === 'profile');
    if (!named) continue;
    const profile = profiles.get((named.value as Scalar).value, true);
    assert.ok(isMap(profile));
    const given = new Set(items.map((pair) => canonicalKey(String(pair.key.value))));
    const taken = (profile.items as Array<Pair<Scalar, Node>>).filter((pair) => !given.has(canonicalKey(String(pair.key.value)))).map((pair) => pair.clone() as Pair<Scalar, Node>);
    items.splice(items.indexOf(named), 1, ...taken);
  }
  root.items = root.items.filter((pair) => !(isScalar(pair.key) && pair.key.value === 'hostProfiles'));
  return document.toString({ lineWidth: 0 });
}

/** What a finding says, without where: the same design written two ways puts findings in different places. */
function findingsOf(text: string): string[] {
  return analyzeText(text, { today: '2026-01-01' }).findings
    .map((finding) => JSON.stringify([finding.ruleId, finding.severity, finding.message, finding.elementIds]))
    .sort();
}

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const DESIGNS: ReadonlyArray<readonly [name: string, text: string]> = [
  ...['seed-000-fq1616r', 'iscsi-av100-g6', 'hyperv-two-rooms', 'hyperv-guest-cluster'].map((name) => [name, readFileSync(`examples/${name}.vtopo`, 'utf8')] as const),
  // esx-02 with less memory keeps its own, which overrides the profile's.
  ['seed-000-fq1616r with a smaller esx-02', seed.slice(0, seed.indexOf('  esx-02:')) + seed.slice(seed.indexOf('  esx-02:')).replace('memory: 384 GB', 'memory: 192 GB')],
];

describe('host profiles: a design says the same with its hosts\' hardware in a profile', () => {
  for (const [name, text] of DESIGNS) {
    it(`gives the same findings for ${name}`, () => {
      const factored = factorHosts(text, 'shared-hardware');
      assert.ok(factored.hosts.length >= 2, `at least two hosts take the profile (${factored.hosts.join(', ')})`);
      assert.ok(factored.keys.includes('cpu') && factored.keys.includes('adapters'), `the profile gives cpu and adapters (${factored.keys.join(', ')})`);
      if (name.includes('smaller')) assert.match(factored.text, /profile: shared-hardware\n {4}memory: 192 GB/, 'esx-02 overrides the profile\'s memory');
      assert.ok(!factored.text.includes('\n    adapters:') || factored.text.indexOf('hostProfiles:') < factored.text.indexOf('\n    adapters:'), 'the first adapters are the profile\'s');
      const before = findingsOf(text);
      const after = findingsOf(factored.text);
      assert.deepEqual(after, before);
      assert.ok(before.length > 0, 'the design has findings to compare');
    });
  }

  it('gives the same findings for the complete example of docs/format.md with its profile written out', () => {
    const text = completeExample(readFileSync(FORMAT_DOC_PATH, 'utf8'));
    const expanded = expandProfiles(text);
    assert.ok(text.includes('profile: rack-server') && !expanded.includes('profile:') && !expanded.includes('hostProfiles:'));
    assert.equal(expanded.split('\n    adapters:').length - 1, 3, 'every host writes its adapters');
    assert.deepEqual(findingsOf(expanded), findingsOf(text));
  });

  it('reads the factored designs into the same hosts, adapters and ports', () => {
    for (const [name, text] of DESIGNS) {
      const shape = (design: string) => analyzeText(design).topology.hosts.map((host) => ({
        ...host,
        source: undefined,
        idRange: undefined,
        adapters: host.adapters.map((adapter) => ({ ...adapter, source: undefined, idRange: undefined, ports: adapter.ports.map((port) => ({ ...port, source: undefined, idRange: undefined })) })),
        vmkernelPorts: host.vmkernelPorts.length,
        virtualSwitches: host.virtualSwitches.length,
        overhead: { cpuMHz: host.overhead.cpuMHz, memoryMB: host.overhead.memoryMB },
        cpu: { ...host.cpu, source: undefined },
        profile: undefined,
      }));
      assert.deepEqual(shape(factorHosts(text, 'shared-hardware').text), shape(text), name);
    }
  });
});
