/**
 * A small hand-made Proxmox VE inventory (no customer data), in the shape
 * scripts/inventory/proxmox-inventory.sh writes: cluster "prod-pve" of three nodes, pve3
 * offline; shared Ceph RBD and NFS storage, local LVM-thin on every node and a local ZFS
 * pool on two; QEMU VMs and LXC containers, two of one name, a stopped VM, a template, a VM
 * with disks on local and shared storage, a replicated VM on local ZFS, a guest whose HA
 * resource is ignored; HA groups (one restricted, one unused) of Proxmox VE 8. Tests edit a
 * copy.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Inventory = { [key: string]: Json };

const GiB = 1024 * 1024 * 1024;
const TiB = 1024 * GiB;

const CPUINFO = { model: 'Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz', sockets: 2, cores: 40, cpus: 80, mhz: '3100.000', hvm: '1', user_hz: 100, flags: 'fpu vme vmx' };

function nodeStatus(memoryBytes: number): Json {
  return {
    cpuinfo: { ...CPUINFO },
    memory: { total: memoryBytes, used: 100 * GiB, free: memoryBytes - 100 * GiB },
    pveversion: 'pve-manager/8.2.4/faa83925c9641325',
    kversion: 'Linux 6.8.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.8-2 (2024-06-24T09:00Z) x86_64',
    uptime: 1234567,
  };
}

function storageEntries(storage: string, plugintype: string, shared: 0 | 1, content: string, maxdisk: number, nodes: readonly string[]): Json[] {
  return nodes.map((node) => ({
    id: `storage/${node}/${storage}`,
    type: 'storage',
    storage,
    node,
    plugintype,
    shared,
    content,
    maxdisk: node === 'pve3' ? 0 : maxdisk,
    disk: 1000,
    status: node === 'pve3' ? 'unknown' : 'available',
  }));
}

export function inventory(): Inventory {
  return {
    vtopoInventory: 'proxmox',
    version: 1,
    exported: '2026-11-30T09:12:00Z',
    cluster: [
      { id: 'cluster', type: 'cluster', name: 'prod-pve', nodes: 3, quorate: 1, version: 5 },
      { id: 'node/pve1', type: 'node', name: 'pve1', nodeid: 1, online: 1, local: 1, ip: '10.0.10.11', level: '' },
      { id: 'node/pve2', type: 'node', name: 'pve2', nodeid: 2, online: 1, local: 0, ip: '10.0.10.12', level: '' },
      { id: 'node/pve3', type: 'node', name: 'pve3', nodeid: 3, online: 0, local: 0, ip: '10.0.10.13', level: '' },
    ],
    resources: [
      { id: 'node/pve1', type: 'node', node: 'pve1', status: 'online', maxcpu: 80, maxmem: 256 * GiB, cpu: 0.1, mem: 100 * GiB, uptime: 1234567, level: '' },
      { id: 'node/pve2', type: 'node', node: 'pve2', status: 'online', maxcpu: 80, maxmem: 252 * GiB, cpu: 0.1, mem: 100 * GiB, uptime: 1234567, level: '' },
      { id: 'node/pve3', type: 'node', node: 'pve3', status: 'offline', maxcpu: 80, maxmem: 256 * GiB, level: '' },
      { id: 'qemu/100', type: 'qemu', vmid: 100, name: 'web01', node: 'pve1', status: 'running', maxcpu: 2, maxmem: 4 * GiB, maxdisk: 32 * GiB, template: 0, hastate: 'started' },
      { id: 'qemu/101', type: 'qemu', vmid: 101, name: 'db01', node: 'pve2', status: 'running', maxcpu: 8, maxmem: 32 * GiB, maxdisk: 100 * GiB, template: 0, hastate: 'started' },
      { id: 'qemu/102', type: 'qemu', vmid: 102, name: 'web01', node: 'pve2', status: 'running', maxcpu: 2, maxmem: 4 * GiB, maxdisk: 32 * GiB, template: 0 },
      { id: 'qemu/103', type: 'qemu', vmid: 103, name: 'old-app', node: 'pve1', status: 'stopped', maxcpu: 2, maxmem: 2 * GiB, maxdisk: 20 * GiB, template: 0 },
      { id: 'qemu/104', type: 'qemu', vmid: 104, name: 'app-zfs', node: 'pve1', status: 'running', maxcpu: 4, maxmem: 8 * GiB, maxdisk: 50 * GiB, template: 0, hastate: 'started' },
      { id: 'qemu/105', type: 'qemu', vmid: 105, name: 'legacy', node: 'pve2', status: 'running', maxcpu: 1, maxmem: 1 * GiB, maxdisk: 10 * GiB, template: 0, hastate: 'ignored' },
      { id: 'qemu/9000', type: 'qemu', vmid: 9000, name: 'tmpl-debian', node: 'pve1', status: 'stopped', maxcpu: 2, maxmem: 2 * GiB, template: 1 },
      { id: 'lxc/200', type: 'lxc', vmid: 200, name: 'dns1', node: 'pve1', status: 'running', maxcpu: 1, maxmem: 1 * GiB, template: 0, hastate: 'started' },
      { id: 'lxc/201', type: 'lxc', vmid: 201, name: 'dns2', node: 'pve2', status: 'running', maxcpu: 80, maxmem: 1 * GiB, template: 0, hastate: 'started' },
      { id: 'lxc/202', type: 'lxc', vmid: 202, name: 'monitor', node: 'pve3', status: 'unknown', template: 0, maxmem: 2 * GiB, maxcpu: 2 },
      ...storageEntries('ceph-vm', 'rbd', 1, 'images,rootdir', 12 * TiB, ['pve1', 'pve2', 'pve3']),
      ...storageEntries('nfs-store', 'nfs', 1, 'images,iso', 4 * TiB, ['pve1', 'pve2', 'pve3']),
      ...storageEntries('local', 'dir', 0, 'iso,vztmpl,backup', 100 * GiB, ['pve1', 'pve2', 'pve3']),
      ...storageEntries('local-lvm', 'lvmthin', 0, 'images,rootdir', 800 * GiB, ['pve1', 'pve2', 'pve3']),
      ...storageEntries('local-zfs', 'zfspool', 0, 'images,rootdir', 2 * TiB, ['pve1', 'pve2']),
      ...storageEntries('pbs-backup', 'pbs', 1, 'backup', 20 * TiB, ['pve1', 'pve2', 'pve3']),
    ],
    storage: [
      { storage: 'local', type: 'dir', path: '/var/lib/vz', content: 'iso,vztmpl,backup', digest: 'x' },
      { storage: 'local-lvm', type: 'lvmthin', vgname: 'pve', thinpool: 'data', content: 'rootdir,images' },
      { storage: 'local-zfs', type: 'zfspool', pool: 'rpool/data', content: 'images,rootdir', nodes: 'pve1,pve2', sparse: 1 },
      { storage: 'ceph-vm', type: 'rbd', pool: 'vm-pool', content: 'images,rootdir', krbd: 0, shared: 1 },
      { storage: 'nfs-store', type: 'nfs', server: '10.0.20.5', export: '/export/pve', content: 'images,iso', shared: 1 },
      { storage: 'pbs-backup', type: 'pbs', server: '10.0.20.9', datastore: 'main', content: 'backup', shared: 1 },
    ],
    haResources: [
      { sid: 'vm:100', type: 'vm', state: 'started', group: 'prefer-pve1', max_restart: 1, max_relocate: 1 },
      { sid: 'vm:101', type: 'vm', state: 'started' },
      { sid: 'vm:104', type: 'vm', state: 'started' },
      { sid: 'vm:105', type: 'vm', state: 'ignored' },
      { sid: 'ct:200', type: 'ct', state: 'started', group: 'dns' },
      { sid: 'ct:201', type: 'ct', state: 'started', group: 'dns' },
    ],
    haGroups: [
      { group: 'prefer-pve1', type: 'group', nodes: 'pve1:2,pve2:1,pve3:1', restricted: 0, nofailback: 0 },
      { group: 'dns', type: 'group', nodes: 'pve1,pve2', restricted: 1, nofailback: 1 },
      { group: 'unused', type: 'group', nodes: 'pve3' },
    ],
    haRules: null,
    haStatus: { manager_status: { master_node: 'pve1', node_status: { pve1: 'online', pve2: 'online', pve3: 'unknown' }, service_status: {} } },
    replication: [{ id: '104-0', guest: 104, target: 'pve2', type: 'local', schedule: '*/15', source: 'pve1' }],
    qdevice: {},
    corosyncNodes: [
      { name: 'pve1', nodeid: 1, quorum_votes: 1, ring0_addr: '10.0.10.11' },
      { name: 'pve2', nodeid: 2, quorum_votes: 1, ring0_addr: '10.0.10.12' },
      { name: 'pve3', nodeid: 3, quorum_votes: 1, ring0_addr: '10.0.10.13' },
    ],
    nodes: {
      pve1: {
        status: nodeStatus(256 * GiB),
        qemu: {
          '100': ['boot: order=scsi0;ide2;net0', 'cores: 2', 'ide2: none,media=cdrom', 'memory: 4096', 'name: web01', 'net0: virtio=BC:24:11:00:01:00,bridge=vmbr0,tag=30', 'scsi0: ceph-vm:vm-100-disk-0,iothread=1,size=32G', 'scsihw: virtio-scsi-single', 'sockets: 1'],
          '103': ['cores: 2', 'memory: 2048', 'name: old-app', 'net0: e1000=BC:24:11:00:03:00,bridge=vmbr0', 'virtio0: nfs-store:103/vm-103-disk-0.qcow2,size=20G'],
          '104': ['boot: order=scsi0', 'cores: 4', 'memory: 8192', 'name: app-zfs', 'net0: virtio=BC:24:11:00:04:00,bridge=vmbr0', 'net1: virtio=BC:24:11:00:04:01,bridge=vmbr1', 'scsi0: local-zfs:vm-104-disk-0,size=50G'],
          '9000': ['memory: 2048', 'name: tmpl-debian', 'scsi0: local-lvm:base-9000-disk-0,size=8G', 'template: 1'],
        },
        lxc: {
          '200': ['arch: amd64', 'cores: 1', 'hostname: dns1', 'memory: 1024', 'net0: name=eth0,bridge=vmbr0,ip=dhcp,type=veth', 'rootfs: ceph-vm:vm-200-disk-0,size=8G'],
        },
      },
      pve2: {
        status: nodeStatus(252 * GiB),
        qemu: {
          '101': ['boot: order=scsi0;net0', 'cores: 8', 'efidisk0: local-lvm:vm-101-disk-2,size=4M', 'memory: 32768', 'name: db01', 'net0: virtio=BC:24:11:00:02:00,bridge=vmbr0', 'scsi0: ceph-vm:vm-101-disk-0,size=100G', 'scsi1: local-lvm:vm-101-disk-1,size=200G'],
          '102': ['boot: order=scsi0', 'cores: 2', 'memory: 4096', 'name: web01', 'net0: virtio=BC:24:11:00:05:00,bridge=vmbr0', 'scsi0: ceph-vm:vm-102-disk-0,size=32G', '', '[before-upgrade]', 'scsi0: local-lvm:vm-102-disk-9,size=32G', 'snaptime: 1700000000'],
          '105': ['cores: 1', 'memory: 1024', 'name: legacy', 'net0: virtio=BC:24:11:00:06:00,bridge=vmbr0', 'scsi0: ceph-vm:vm-105-disk-0,size=10G'],
        },
        lxc: {
          '201': ['arch: amd64', 'hostname: dns2', 'memory: 1024', 'net0: name=eth0,bridge=vmbr0,ip=dhcp,type=veth', 'rootfs: ceph-vm:vm-201-disk-0,size=8G'],
        },
      },
      pve3: {
        status: null,
        qemu: {},
        lxc: {
          '202': ['arch: amd64', 'cores: 2', 'hostname: monitor', 'memory: 2048', 'mp0: /mnt/data,mp=/data', 'rootfs: local-lvm:vm-202-disk-0,size=16G'],
        },
      },
    },
  };
}

/** The inventory with every list reversed (but a configuration file's lines, whose order is the file's) and every object's keys in reverse order. */
export function shuffled(value: Json): Json {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? value : value.map(shuffled).reverse();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, shuffled(field)]));
  }
  return value;
}
