import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edited, findingsOf, textAt } from '../rule-test';
import { design } from '../storage/fixtures';

/**
 * The storage fixture (two hosts, fabric switches fc-a and fc-b, a dual-controller array
 * cabled to both) placed in racks and on power feeds. By default: the hosts in r2, both
 * fabric switches in r1, the array in r3; every device on an A-side and a B-side PDU of its
 * rack, the sides fed from ups-a and ups-b.
 */
const DOMAINS = [
  'sites:',
  '  dc1: {}',
  'racks:',
  '  r1: { site: dc1 }',
  '  r2: { site: dc1 }',
  '  r3: { site: dc1 }',
  'chassis:',
  '  enc1: { rack: r2, power: [r2-a, r2-b] }',
  '  enc2: { rack: r2, power: [r2-a, r2-b] }',
  'powerFeeds:',
  '  ups-a: { type: ups }',
  '  ups-b: { type: ups }',
  ...['r1', 'r2', 'r3'].flatMap((rack) => [`  ${rack}-a: { fedFrom: ups-a }`, `  ${rack}-b: { fedFrom: ups-b }`]),
  '',
].join('\n');

function placed(): string {
  const base = `${design()}${DOMAINS}`;
  return edited(
    base,
    ['  esx-01:\n', '  esx-01:\n    rack: r2\n    power: [r2-a, r2-b]\n'],
    ['  esx-02:\n', '  esx-02:\n    rack: r2\n    power: [r2-a, r2-b]\n'],
    ['fc-a: { type: fc, fabric: A }', 'fc-a: { type: fc, fabric: A, rack: r1, power: [r1-a, r1-b] }'],
    ['fc-b: { type: fc, fabric: B }', 'fc-b: { type: fc, fabric: B, rack: r1, power: [r1-a, r1-b] }'],
    ['  fq:\n', '  fq:\n    rack: r3\n    power: [r3-a, r3-b]\n'],
  );
}

describe('failure-domain-spof', () => {
  it('reports the rack that holds both fabric switches, naming them and the hosts outside it that lose their datastores', () => {
    const text = placed();
    const findings = findingsOf(text, 'failure-domain-spof');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(textAt(text, finding), 'r1');
    assert.match(finding?.message ?? '', /^Rack "r1" is a single point of failure: it takes down storage 2 switches \("fc-a" and "fc-b"\), and 2 hosts outside it \("esx-01" and "esx-02"\) lose every storage path to 1 datastore \("ds1"\)/);
    assert.deepEqual(finding?.related?.map((r) => textAt(text, r)), ['fc-a', 'fc-b', 'esx-01', 'esx-02']);
  });

  it('says nothing once the fabrics stand in different racks', () => {
    const text = edited(placed(), ['fc-b: { type: fc, fabric: B, rack: r1, power: [r1-a, r1-b] }', 'fc-b: { type: fc, fabric: B, rack: r3, power: [r3-a, r3-b] }']);
    assert.deepEqual(findingsOf(text, 'failure-domain-spof'), []);
  });

  it('reports the UPS both switches hang on, through their PDUs, even in different racks', () => {
    const text = edited(
      placed(),
      ['fc-a: { type: fc, fabric: A, rack: r1, power: [r1-a, r1-b] }', 'fc-a: { type: fc, fabric: A, rack: r1, power: [r1-a] }'],
      ['fc-b: { type: fc, fabric: B, rack: r1, power: [r1-a, r1-b] }', 'fc-b: { type: fc, fabric: B, rack: r3, power: [r3-a] }'],
    );
    const findings = findingsOf(text, 'failure-domain-spof');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['ups-a']);
    assert.match(findings[0]?.message ?? '', /^Power feed "ups-a" is a single point of failure/);
  });

  it('leaves hosts that go down with the rack to HA: hosts and switches in one rack are not cut off', () => {
    const text = edited(placed(), ['  esx-01:\n    rack: r2', '  esx-01:\n    rack: r1'], ['  esx-02:\n    rack: r2', '  esx-02:\n    rack: r1']);
    assert.deepEqual(findingsOf(text, 'failure-domain-spof'), []);
  });

  it('names the rack of a switch that alone cuts hosts outside it, as storage-path-spof names the switch', () => {
    const text = edited(
      placed(),
      ['  - [esx-01/hba2/p0, fc-b]\n', ''],
      ['  - [esx-02/hba2/p0, fc-b]\n', ''],
      ['fc-b: { type: fc, fabric: B, rack: r1, power: [r1-a, r1-b] }', 'fc-b: { type: fc, fabric: B, rack: r3, power: [r3-a, r3-b] }'],
    );
    const findings = findingsOf(text, 'failure-domain-spof');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['r1']);
    assert.match(findings[0]?.message ?? '', /takes down storage 1 switch \("fc-a"\)/);
    assert.ok(findingsOf(text, 'storage-path-spof').some((f) => f.elementIds[0] === 'fc-a'));
  });

  it('checks nothing in a design without failure domains', () => {
    assert.deepEqual(findingsOf(design(), ['failure-domain-spof', 'cluster-single-domain', 'power-single-feed', 'failure-domain-conflict']), []);
  });
});

describe('power-single-feed', () => {
  it('reports a device with one supply, and one whose supplies meet in a UPS', () => {
    const text = edited(
      placed(),
      ['  esx-01:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-01:\n    rack: r2\n    power: [r2-a]'],
      ['  esx-02:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-02:\n    rack: r2\n    power: [r2-a, r3-a]'],
    );
    const findings = findingsOf(text, 'power-single-feed');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['esx-01', 'esx-02']);
    assert.match(findings[0]?.message ?? '', /^Host "esx-01" has one power supply, on "r2-a"/);
    assert.match(findings[1]?.message ?? '', /^Host "esx-02" has 2 power supplies, but all of them hang on power feed "ups-a"/);
    assert.deepEqual(findings[1]?.related?.map((r) => textAt(text, r)), ['ups-a']);
  });

  it('is silent on A/B-fed devices and on devices whose power is not described', () => {
    assert.deepEqual(findingsOf(placed(), 'power-single-feed'), []);
    const text = edited(placed(), ['  esx-01:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-01:\n    rack: r2']);
    assert.deepEqual(findingsOf(text, 'power-single-feed'), []);
  });

  it('checks a chassis, not its blades', () => {
    const text = edited(
      placed(),
      ['  esx-01:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-01:\n    chassis: enc1'],
      ['  esx-02:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-02:\n    chassis: enc1'],
      ['  enc1: { rack: r2, power: [r2-a, r2-b] }', '  enc1: { rack: r2, power: [r2-b] }'],
    );
    assert.deepEqual(findingsOf(text, 'power-single-feed').map((f) => textAt(text, f)), ['enc1']);
  });
});

describe('cluster-single-domain', () => {
  it('reports a cluster whose hosts are all blades of one chassis', () => {
    const text = edited(
      placed(),
      ['  esx-01:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-01:\n    chassis: enc1'],
      ['  esx-02:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-02:\n    chassis: enc1'],
    );
    const findings = findingsOf(text, 'cluster-single-domain');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['prod']);
    assert.match(findings[0]?.message ?? '', /^All 2 hosts of cluster "prod" \("esx-01" and "esx-02"\) go down with chassis "enc1"/);
  });

  it('reports the rack when the blades are spread over two chassis in it', () => {
    const text = edited(
      placed(),
      ['  esx-01:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-01:\n    chassis: enc1'],
      ['  esx-02:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-02:\n    chassis: enc2'],
    );
    assert.match(findingsOf(text, 'cluster-single-domain')[0]?.message ?? '', /go down with rack "r2"/);
  });

  it('does not report a cluster spread over racks, in one site', () => {
    const text = edited(placed(), ['  esx-02:\n    rack: r2\n    power: [r2-a, r2-b]', '  esx-02:\n    rack: r3\n    power: [r3-a, r3-b]']);
    assert.deepEqual(findingsOf(text, 'cluster-single-domain'), []);
  });
});

describe('failure-domain-conflict', () => {
  it('reports a device whose site contradicts its rack\'s, and a feed fed from itself', () => {
    const text = edited(
      `${placed()}`,
      ['  dc1: {}', '  dc1: {}\n  dc2: {}'],
      ['  esx-01:\n    rack: r2', '  esx-01:\n    site: dc2\n    rack: r2'],
      ['  ups-a: { type: ups }', '  ups-a: { type: ups, fedFrom: r1-a }'],
    );
    const findings = findingsOf(text, 'failure-domain-conflict');
    assert.deepEqual(findings.map((f) => textAt(text, f)).sort(), ['esx-01', 'r1-a', 'ups-a']);
    assert.ok(findings.some((f) => f.message === '"esx-01" is in site "dc2", but its rack "r2" is in site "dc1".'));
  });
});
