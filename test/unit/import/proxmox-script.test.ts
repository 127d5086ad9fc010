/**
 * scripts/inventory/proxmox-inventory.sh against a stand-in for pvesh that answers from the
 * hand-made inventory, and a stand-in for /etc/pve holding its guests' configuration files:
 * the script must write one JSON object that imports to the same design as the inventory.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { importProxmox } from '../../../src/core/import/proxmox/import';
import { inventory, type Json } from './proxmox-estate';

const SCRIPT = join(__dirname, '../../../scripts/inventory/proxmox-inventory.sh');
const hasShell = spawnSync('sh', ['-c', 'exit 0']).status === 0;

/** Which part of the inventory each API path the script reads answers with. */
const API: Record<string, string> = {
  '/cluster/status': 'cluster',
  '/cluster/resources': 'resources',
  '/storage': 'storage',
  '/cluster/ha/resources': 'haResources',
  '/cluster/ha/groups': 'haGroups',
  '/cluster/ha/rules': 'haRules',
  '/cluster/ha/status/manager_status': 'haStatus',
  '/cluster/replication': 'replication',
  '/cluster/config/qdevice': 'qdevice',
  '/cluster/config/nodes': 'corosyncNodes',
};

function stage(root: string): void {
  const inv = inventory();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  // An API path is answered when its file exists; a part that is null is an endpoint that fails.
  for (const [path, key] of Object.entries(API)) if (inv[key] !== null && inv[key] !== undefined) write(join(root, 'api', `${path}.json`), JSON.stringify(inv[key]));
  const nodes = inv.nodes as Record<string, Record<string, Json>>;
  for (const [node, entry] of Object.entries(nodes)) {
    if (entry.status !== null) write(join(root, 'api', 'nodes', node, 'status.json'), JSON.stringify(entry.status));
    for (const [type, dir] of [['qemu', 'qemu-server'], ['lxc', 'lxc']] as const) {
      mkdirSync(join(root, 'pve', 'nodes', node, dir), { recursive: true });
      for (const [vmid, lines] of Object.entries((entry[type] ?? {}) as Record<string, string[]>)) write(join(root, 'pve', 'nodes', node, dir, `${vmid}.conf`), `${lines.join('\n')}\n`);
    }
  }
  const pvesh = join(root, 'bin', 'pvesh');
  write(pvesh, '#!/bin/sh\n# pvesh get PATH --output-format json\nfile="$FAKE_API$2.json"\n[ -f "$file" ] || { echo "no such path" >&2; exit 2; }\ncat "$file"\n');
  chmodSync(pvesh, 0o755);
}

describe('the Proxmox VE inventory script', { skip: !hasShell && 'no POSIX shell here' }, () => {
  const root = mkdtempSync(join(tmpdir(), 'vtopo-pve-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes one JSON object that imports to the same design as the inventory it read', () => {
    stage(root);
    const run = spawnSync('sh', [SCRIPT], {
      env: { ...process.env, PATH: `${join(root, 'bin')}:${process.env.PATH ?? ''}`, PVE_DIR: join(root, 'pve'), FAKE_API: join(root, 'api') },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as Record<string, Json>;
    assert.equal(json.vtopoInventory, 'proxmox');
    assert.match(String(json.exported), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(json.haRules, null, 'an endpoint that fails is null');
    const nodes = json.nodes as Record<string, Record<string, Json>>;
    assert.equal(nodes.pve3?.status, null, 'an offline node has no status');
    assert.deepEqual((nodes.pve2?.qemu as Record<string, string[]>)['102']?.at(-1), '', 'lines up to the first snapshot section');
    json.exported = inventory().exported ?? null;
    const expected = importProxmox(inventory(), { fileName: 'pve.json' });
    const actual = importProxmox(json, { fileName: 'pve.json' });
    assert.equal(actual.text, expected.text);
    assert.deepEqual(actual.summary, expected.summary);
  });

  it('escapes what JSON must escape in a configuration file', () => {
    const dir = join(root, 'pve', 'nodes', 'pve1', 'qemu-server');
    writeFileSync(join(dir, '300.conf'), '#a "quoted" note, a back\\slash,\ta tab and a \u0001 control\r\nname: x\n');
    const run = spawnSync('sh', [SCRIPT], { env: { ...process.env, PATH: `${join(root, 'bin')}:${process.env.PATH ?? ''}`, PVE_DIR: join(root, 'pve'), FAKE_API: join(root, 'api') }, encoding: 'utf8' });
    const json = JSON.parse(run.stdout) as { nodes: Record<string, { qemu: Record<string, string[]> }> };
    assert.deepEqual(json.nodes.pve1?.qemu['300'], ['#a "quoted" note, a back\\slash,\ta tab and a  control', 'name: x']);
  });
});
