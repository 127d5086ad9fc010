/**
 * Random .vtopo designs, valid-ish: hosts with HBAs and NICs, FC and Ethernet switches
 * (some in stacks), arrays with one or two controllers, shared and local datastores,
 * cables (some missing, some to switch ports), VMs with priorities, FT, guest clusters and
 * networks, placement and restart rules, one to three clusters with varied HA settings,
 * and a LAN described by port roles, virtual switches with port groups and teaming, or a
 * distributed switch. Mostly consistent, sometimes not (a dangling reference, an
 * over-full host), since the analyzer and the simulator must cope with both.
 */

import { Document, isCollection, isSeq, visit } from 'yaml';
import type { Rng } from './prng';

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };
type YamlMap = { [key: string]: Yaml };

const PLATFORMS = ['vsphere', 'hyperv', 'xenserver', 'proxmox'] as const;
const PRIORITIES = ['disabled', 'lowest', 'low', 'medium', 'high', 'highest'] as const;
const POLICIES = ['slots', 'percentage', 'failover-hosts', 'disabled'] as const;
const ISOLATION = ['none', 'power-off', 'shutdown'] as const;
const WITNESSES = ['none', 'disk', 'file-share', 'cloud'] as const;
const VSWITCH_TYPES = ['standard', 'distributed', 'set', 'lbfo', 'bridge', 'ovs'] as const;
const HOST_ROLES = ['management', 'heartbeat', 'vmotion', 'ft', 'vm', 'iscsi', 'nfs', 'vsan', 'replication', 'provisioning'] as const;

export interface GeneratedDesign {
  readonly text: string;
  readonly hosts: number;
  readonly vms: number;
}

export function generateDesign(rng: Rng): GeneratedDesign {
  const platform = rng.pick(PLATFORMS);
  const clusterIds = ['c1', 'c2', 'c3'].slice(0, rng.chance(0.7) ? 1 : rng.range(2, 3));
  const hostCount = rng.range(1, 6);
  const hostIds = Array.from({ length: hostCount }, (_, i) => `h${i + 1}`);
  const hostCluster = new Map(hostIds.map((id, i) => [id, clusterIds[i % clusterIds.length] as string]));
  const fc = rng.chance(0.7);
  const dualFabric = fc && rng.chance(0.75);
  const iscsi = !fc && rng.chance(0.6);
  const lanMode = rng.pick(['none', 'roles', 'vswitch', 'vswitch', 'dvs'] as const);
  const lanSwitchCount = rng.range(1, 4);
  const lanSwitches = Array.from({ length: lanSwitchCount }, (_, i) => `lan-${i + 1}`);
  const nicCount = rng.range(1, 3);
  const links: Yaml[] = [];
  const addLink = (from: string, to: string) => {
    if (rng.chance(0.04)) return; // a missing cable
    if (rng.chance(0.05)) links.push({ from, to, speed: rng.pick(['1 Gbps', '10 Gbps', '100 Mbps']) });
    else links.push([from, rng.chance(0.1) ? `${to}/${rng.range(1, 48)}` : to]);
  };

  // Switches.
  const switches: YamlMap = {};
  if (fc) {
    switches['fc-a'] = { type: 'fc', fabric: 'A', speed: '16 Gbps' };
    if (dualFabric) switches['fc-b'] = { type: 'fc', fabric: 'B', speed: '16 Gbps' };
  }
  if (iscsi) {
    switches['iscsi-a'] = { type: 'ethernet', fabric: 'A', subnet: '10.10.1.0/24', mtu: 9000 };
    if (rng.chance(0.7)) switches['iscsi-b'] = { type: 'ethernet', fabric: 'B', subnet: '10.10.2.0/24', mtu: rng.chance(0.8) ? 9000 : 1500 };
  }
  const stacked = rng.chance(0.3);
  lanSwitches.forEach((id, i) => {
    const sw: YamlMap = { type: 'ethernet', vlans: [10, 20, 30] };
    if (stacked && i < 2) sw.stack = 'core';
    if (i === 0) sw.addresses = ['10.0.10.1'];
    if (i === 1 && rng.chance(0.5)) sw.addresses = ['10.0.10.2'];
    switches[id] = sw;
  });
  if (lanSwitchCount >= 2 && rng.chance(0.7)) addLink('lan-1', 'lan-2');
  if (lanSwitchCount >= 3) addLink(rng.pick(lanSwitches.slice(0, 2)), 'lan-3');
  if (lanSwitchCount >= 4) addLink('lan-3', 'lan-4');

  // Arrays.
  const arrays: YamlMap = {};
  const arrayIds: string[] = [];
  if (fc || iscsi) {
    const arrayCount = rng.chance(0.8) ? 1 : 2;
    for (let a = 0; a < arrayCount; a++) {
      const id = `arr${a + 1}`;
      arrayIds.push(id);
      const controllers: YamlMap = {};
      const controllerNames = rng.chance(0.8) ? ['a', 'b'] : ['a'];
      for (const c of controllerNames) {
        const ports: YamlMap = {};
        for (let p = 0; p < 2; p++) {
          const name = `p${p}`;
          ports[name] = fc ? { type: 'fc', speed: '16 Gbps' } : { type: 'iscsi', subnet: p === 0 ? '10.10.1.0/24' : '10.10.2.0/24', mtu: 9000 };
          const fabric = fc ? (p === 0 || !dualFabric ? 'fc-a' : 'fc-b') : p === 0 || !switches['iscsi-b'] ? 'iscsi-a' : 'iscsi-b';
          addLink(`${id}/${c}/${name}`, fabric);
        }
        controllers[c] = { ports };
      }
      arrays[id] = { mode: rng.pick(['active-active', 'alua', 'single']), controllers };
      if (rng.chance(0.1)) arrays[id] = { model: rng.pick(['FQ1616R', 'AV100-G6', 'unknown-box']) };
    }
  }

  // Datastores.
  const datastores: YamlMap = {};
  const shared: string[] = [];
  const dsCount = arrayIds.length ? rng.range(1, 3) : 0;
  for (let d = 0; d < dsCount; d++) {
    const id = `ds${d + 1}`;
    shared.push(id);
    const ds: YamlMap = { array: rng.pick(arrayIds), lun: d };
    if (rng.chance(0.3)) ds.owner = `${ds.array as string}/${rng.pick(['a', 'b'])}`;
    if (rng.chance(0.2)) ds.presentedTo = rng.sample(hostIds, rng.range(1, hostCount));
    if (rng.chance(0.5)) ds.capacity = `${rng.range(1, 16)} TB`;
    datastores[id] = ds;
  }
  const localHosts = hostIds.filter(() => rng.chance(0.3));
  for (const h of localHosts) datastores[`local-${h}`] = { host: h, capacity: '800 GB' };

  // Hosts.
  const hosts: YamlMap = {};
  const portGroupNames = ['Management', 'vMotion', 'VM-Prod', 'VM-Dev'];
  const dvsMembers: YamlMap = {};
  for (const h of hostIds) {
    const adapters: YamlMap = {};
    if (fc) {
      const hbas = dualFabric ? ['hba1', 'hba2'] : rng.chance(0.5) ? ['hba1'] : ['hba1', 'hba2'];
      hbas.forEach((hba, i) => {
        adapters[hba] = { type: 'fc', ports: { p0: { speed: '16 Gbps', roles: ['storage'] } } };
        addLink(`${h}/${hba}/p0`, dualFabric && i === 1 ? 'fc-b' : 'fc-a');
      });
    }
    const nics = Array.from({ length: nicCount }, (_, i) => `nic${i + 1}`);
    const uplinks: string[] = [];
    nics.forEach((nic, i) => {
      const ports: YamlMap = {};
      for (const p of ['p0', 'p1']) {
        const port: YamlMap = { speed: rng.pick(['1 Gbps', '10 Gbps', '25 Gbps']) };
        if (lanMode === 'roles') port.roles = rng.sample(HOST_ROLES, rng.range(1, 3));
        ports[p] = port;
        uplinks.push(`${h}/${nic}/${p}`);
        addLink(`${h}/${nic}/${p}`, lanSwitches[(i + (p === 'p1' && rng.chance(0.3) ? 1 : 0)) % lanSwitches.length] as string);
      }
      adapters[nic] = { type: rng.chance(0.9) ? 'ethernet' : 'cna', ports };
    });
    if (iscsi) {
      adapters.iscsi1 = { type: 'ethernet', ports: { p0: { roles: ['iscsi'], subnet: '10.10.1.0/24', mtu: 9000 }, p1: { roles: ['iscsi'], subnet: '10.10.2.0/24', mtu: 9000 } } };
      addLink(`${h}/iscsi1/p0`, 'iscsi-a');
      addLink(`${h}/iscsi1/p1`, switches['iscsi-b'] ? 'iscsi-b' : 'iscsi-a');
    }
    const host: YamlMap = {
      cluster: rng.chance(0.97) ? (hostCluster.get(h) as string) : 'nowhere',
      cpu: { sockets: rng.range(1, 2), cores: rng.pick([8, 16, 24, 32, 64]), speed: `${rng.pick([2, 2.4, 2.6, 3])} GHz` },
      memory: `${rng.pick([64, 128, 256, 512, 1024])} GB`,
      adapters,
    };
    if (rng.chance(0.3)) host.overhead = { cpu: '1 GHz', memory: `${rng.range(2, 16)} GB` };
    if (rng.chance(0.1)) host.state = rng.pick(['connected', 'maintenance', 'disconnected', 'standby']);
    if (rng.chance(0.1)) host.maxVms = rng.range(1, 10);
    if (lanMode === 'vswitch') {
      const pick = () => rng.pick(uplinks);
      const portGroups: YamlMap = {};
      for (const name of portGroupNames) {
        const pg: YamlMap = { vlan: 10 * (portGroupNames.indexOf(name) + 1) };
        const teaming = rng.int(4);
        if (teaming === 1) pg.active = [pick()];
        if (teaming === 2) Object.assign(pg, { active: [pick()], standby: [pick()] });
        if (teaming === 3) Object.assign(pg, { active: [pick()], unused: [pick()] });
        portGroups[name] = pg;
      }
      const vswitch: YamlMap = { uplinks: rng.sample(uplinks, rng.range(1, uplinks.length)), portGroups };
      if (rng.chance(0.5)) vswitch.type = rng.pick(VSWITCH_TYPES);
      if (rng.chance(0.2)) Object.assign(vswitch, { active: [pick()], standby: [pick()] });
      host.virtualSwitches = { vswitch0: vswitch };
      const vmk: YamlMap = {
        vmk0: { roles: rng.chance(0.8) ? ['management'] : ['management', 'heartbeat'], portGroup: 'Management', ...(rng.chance(0.6) ? { gateway: '10.0.10.1' } : {}) },
        vmk1: { roles: ['vmotion'], portGroup: 'vMotion' },
      };
      if (rng.chance(0.3)) vmk.vmk2 = { roles: ['heartbeat'], active: [pick()], standby: [pick()] };
      if (rng.chance(0.1)) vmk.vmk3 = { roles: rng.sample(HOST_ROLES, 2), portGroup: rng.pick([...portGroupNames, 'Nope']) };
      host.vmkernelPorts = vmk;
    } else if (lanMode === 'dvs') {
      dvsMembers[h] = rng.chance(0.9) ? uplinks.slice(0, 2) : uplinks.slice(0, 1);
      host.vmkernelPorts = { vmk0: { roles: ['management'], portGroup: 'Management', gateway: '10.0.10.1' } };
    }
    hosts[h] = host;
  }

  // Clusters.
  const clusters: YamlMap = {};
  for (const c of clusterIds) {
    const members = hostIds.filter((h) => hostCluster.get(h) === c);
    const policy = rng.pick(POLICIES);
    const admission: YamlMap = { policy };
    if (rng.chance(0.6)) admission.hostFailuresToTolerate = rng.range(0, 3);
    if (policy === 'percentage' && rng.chance(0.7)) Object.assign(admission, { cpuPercent: rng.range(0, 100), memoryPercent: rng.range(0, 100) });
    if (policy === 'failover-hosts' && members.length) admission.failoverHosts = rng.sample(members, 1);
    if (policy === 'slots' && rng.chance(0.5)) Object.assign(admission, { slotCpu: '500 MHz', slotMemory: '2 GB' });
    const ha: YamlMap = { admissionControl: admission };
    if (rng.chance(0.1)) ha.enabled = false;
    if (rng.chance(0.4)) {
      ha.detection = {
        heartbeatInterval: `${rng.range(1, 5)} s`,
        failureTimeout: `${rng.range(5, 60)} s`,
        isolationTimeout: `${rng.range(5, 60)} s`,
        ...(rng.chance(0.5) ? { primaryIsolationTimeout: `${rng.range(1, 10)} s`, isolationResponseDelay: `${rng.range(0, 60)} s` } : {}),
      };
    }
    if (rng.chance(0.6)) ha.isolationResponse = rng.pick(ISOLATION);
    if (rng.chance(0.2)) ha.isolationShutdownTimeout = `${rng.range(0, 600)} s`;
    if (rng.chance(0.3)) ha.isolationAddresses = rng.sample(['10.0.10.1', '10.0.10.2', '10.9.9.9'], rng.range(1, 2));
    if (rng.chance(0.2)) ha.useDefaultIsolationAddress = rng.chance(0.5);
    if (rng.chance(0.2) && members.length) ha.primaryHost = rng.pick(members);
    if (rng.chance(0.5) && shared.length) ha.heartbeatDatastores = rng.sample(shared, 2);
    if (rng.chance(0.5)) ha.defaultRestartPriority = rng.pick(PRIORITIES);
    if (rng.chance(0.3)) ha.respectAntiAffinity = rng.chance(0.5);
    if (rng.chance(0.3)) {
      ha.orchestration = {
        readyCondition: rng.pick(['resources-allocated', 'powered-on', 'guest-heartbeats', 'app-heartbeats']),
        postReadyDelay: `${rng.range(0, 30)} s`,
        tierTimeout: `${rng.range(0, 900)} s`,
        vmBoot: `${rng.range(0, 300)} s`,
      };
    }
    if (rng.chance(0.3)) {
      ha.componentProtection = {
        pdl: rng.pick(['disabled', 'warning', 'restart-aggressive']),
        apd: rng.pick(['disabled', 'warning', 'restart-conservative', 'restart-aggressive']),
        ...(rng.chance(0.5) ? { apdTimeout: `${rng.range(0, 300)} s`, apdFailoverDelay: `${rng.range(0, 300)} s` } : {}),
      };
    }
    if (platform === 'hyperv' && rng.chance(0.6)) ha.resiliencyPeriod = `${rng.range(0, 400)} s`;
    if ((platform === 'proxmox' || platform === 'xenserver') && rng.chance(0.6)) ha.fencingDelay = `${rng.range(0, 120)} s`;
    const cluster: YamlMap = { ha };
    if (rng.chance(0.3)) cluster.drs = { enabled: rng.chance(0.7), automation: rng.pick(['manual', 'partially-automated', 'fully-automated']) };
    if (platform !== 'vsphere' && rng.chance(0.5)) {
      const witness = rng.pick(WITNESSES);
      cluster.quorum = { witness, ...(witness !== 'none' && witness !== 'disk' ? { witnessSwitch: rng.pick(lanSwitches) } : {}), ...(witness === 'disk' && shared.length ? { witnessDatastore: rng.pick(shared) } : {}) };
    }
    clusters[c] = cluster;
  }

  // VMs.
  const vms: YamlMap = {};
  const vmCount = rng.range(0, 14);
  const vmIds = Array.from({ length: vmCount }, (_, i) => `vm${i + 1}`);
  const guestClusters: YamlMap = {};
  if (vmCount >= 2 && rng.chance(0.3)) guestClusters.gc1 = { type: rng.pick(['failover', 'nlb']), ...(rng.chance(0.5) ? { heartbeatNetwork: 'VM-Dev', clientNetwork: 'VM-Prod' } : {}) };
  for (const [i, id] of vmIds.entries()) {
    const host = rng.chance(0.97) ? rng.pick(hostIds) : 'ghost';
    const localDs = localHosts.includes(host) && rng.chance(0.3) ? `local-${host}` : undefined;
    const vm: YamlMap = { host, memory: `${rng.pick([1, 2, 4, 8, 16, 32, 64, 128])} GB` };
    if (rng.chance(0.7)) vm.cpus = rng.pick([1, 2, 4, 8, 16]);
    const ds = localDs ?? (shared.length && rng.chance(0.9) ? rng.pick(shared) : undefined);
    if (ds) vm.datastore = ds;
    if (rng.chance(0.4)) vm.restartPriority = rng.pick(PRIORITIES);
    if (rng.chance(0.2)) vm.reservation = { ...(rng.chance(0.5) ? { cpu: `${rng.range(0, 4)} GHz` } : {}), memory: `${rng.range(0, 32)} GB` };
    if (rng.chance(0.1)) vm.power = rng.pick(['on', 'off', 'suspended']);
    if (rng.chance(0.08) && hostCount > 1) Object.assign(vm, { protection: rng.pick(['ft', 'replica']), secondaryHost: rng.pick(hostIds) });
    if (guestClusters.gc1 && i < 3 && rng.chance(0.8)) vm.guestCluster = 'gc1';
    if (lanMode !== 'none' && rng.chance(0.6)) vm.networks = rng.sample(['VM-Prod', 'VM-Dev', 'Missing'], rng.range(1, 2));
    if (rng.chance(0.2)) vm.boot = `${rng.range(0, 300)} s`;
    if (rng.chance(0.1)) vm.shutdown = `${rng.range(0, 10)} min`;
    if (rng.chance(0.1)) vm.overheadMemory = `${rng.range(0, 800)} MB`;
    vms[id] = vm;
  }

  // Rules.
  const rules: YamlMap = {};
  if (vmCount >= 2) {
    const ruleCount = rng.range(0, 4);
    for (let r = 0; r < ruleCount; r++) {
      const type = rng.pick(['affinity', 'anti-affinity', 'vm-host', 'restart-dependency'] as const);
      const members = rng.sample(vmIds, rng.range(1, Math.min(4, vmCount)));
      const rule: YamlMap = { type, vms: members };
      if (type === 'vm-host') Object.assign(rule, { hosts: rng.sample(hostIds, rng.range(1, hostCount)), mode: rng.pick(['must-run-on', 'should-run-on', 'must-not-run-on', 'should-not-run-on']) });
      if (type === 'restart-dependency') rule.dependsOn = rng.sample(vmIds, rng.range(1, 2));
      if (rng.chance(0.1)) rule.enabled = false;
      rules[`r${r + 1}`] = rule;
    }
  }

  const design: YamlMap = { vtopo: 1, name: 'generated', platform };
  if (rng.chance(0.3)) design.management = { product: 'vCenter Server', ...(vmCount ? { vm: rng.pick(vmIds) } : {}) };
  design.clusters = clusters;
  design.hosts = hosts;
  design.switches = switches;
  if (lanMode === 'dvs') {
    const teaming = rng.int(3);
    design.distributedSwitches = {
      'dvs-1': {
        uplinks: ['uplink1', 'uplink2'],
        members: dvsMembers,
        ...(teaming === 1 ? { active: ['uplink1'], standby: ['uplink2'] } : {}),
        portGroups: {
          Management: { vlan: 10, ...(teaming === 2 ? { active: ['uplink2'], standby: ['uplink1'] } : {}) },
          'VM-Prod': { vlan: 30 },
          'VM-Dev': { vlan: 40, active: ['uplink2'], unused: ['uplink1'] },
        },
      },
    };
  }
  if (Object.keys(arrays).length) design.arrays = arrays;
  if (Object.keys(datastores).length) design.datastores = datastores;
  design.links = links;
  if (vmCount) design.vms = vms;
  if (Object.keys(guestClusters).length) design.guestClusters = guestClusters;
  if (Object.keys(rules).length) design.rules = rules;
  design.analysis = { asOf: '2026-06-01', ...(rng.chance(0.1) ? { rules: { 'n1-capacity': rng.pick(['off', 'error', 'hint']) } } : {}) };
  const doc = new Document(design);
  if (rng.chance(0.3)) {
    // Flow style ({ ... } and [ ... ]) below some depth, as hand-written designs often are.
    const level = rng.range(2, 4);
    visit(doc, {
      Collection(_key, node, path) {
        if (path.filter((p) => isCollection(p)).length >= level) node.flow = true;
      },
    });
  }
  const linkList = doc.get('links', true);
  if (isSeq(linkList) && rng.chance(0.9)) for (const item of linkList.items) if (isSeq(item)) item.flow = true;
  const text = doc.toString({ lineWidth: 0 });
  return { text, hosts: hostCount, vms: vmCount };
}
