/**
 * The RVTools columns the importer reads, by tab, with the other spellings RVTools releases
 * have used. Headers are matched ignoring case, spaces and punctuation (table.ts), so "# CPU"
 * and "CPU #" are one column. Columns marked required make the tab unusable when absent; the
 * others are read when present. The mapping of each column is documented in docs/import.md.
 */

import type { ColumnSpec } from '../table';

type Specs = Readonly<Record<string, ColumnSpec>>;

const OBJECT = {
  datacenter: { header: 'Datacenter' },
  cluster: { header: 'Cluster' },
  host: { header: 'Host' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VINFO = {
  vm: { header: 'VM', required: true },
  power: { header: 'Powerstate', aliases: ['Power state'] },
  template: { header: 'Template' },
  srmPlaceholder: { header: 'SRM Placeholder' },
  cpus: { header: 'CPUs', aliases: ['Num CPU', 'vCPUs'] },
  memoryMiB: { header: 'Memory', aliases: ['Memory MiB', 'Memory MB'] },
  nics: { header: 'NICs', aliases: ['Num NICs'] },
  networks: { header: 'Network #1' },
  ftState: { header: 'FT State' },
  ftRole: { header: 'FT Role' },
  restartPriority: { header: 'HA Restart Priority' },
  isolationResponse: { header: 'HA Isolation Response' },
  path: { header: 'Path', aliases: ['VM Path', 'Config file'] },
  powerOn: { header: 'PowerOn', aliases: ['Power on'] },
  vmId: { header: 'VM ID' },
  uuid: { header: 'VM UUID' },
  dnsName: { header: 'DNS Name' },
  ...OBJECT,
  host: { header: 'Host', required: true },
} as const satisfies Specs;

/** vInfo's "Network #1" .. "Network #8". */
export const VINFO_NETWORK_HEADERS = Array.from({ length: 8 }, (_, i) => `Network #${i + 1}`);

export const VCPU = {
  vm: { header: 'VM', required: true },
  reservationMHz: { header: 'Reservation' },
  vmId: { header: 'VM ID' },
  uuid: { header: 'VM UUID' },
  host: { header: 'Host' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VMEMORY = {
  vm: { header: 'VM', required: true },
  reservationMiB: { header: 'Reservation' },
  overheadMiB: { header: 'Overhead' },
  vmId: { header: 'VM ID' },
  uuid: { header: 'VM UUID' },
  host: { header: 'Host' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VHOST = {
  host: { header: 'Host', required: true },
  datacenter: { header: 'Datacenter' },
  cluster: { header: 'Cluster' },
  maintenance: { header: 'in Maintenance Mode', aliases: ['Maintenance Mode'] },
  cpuModel: { header: 'CPU Model' },
  speedMHz: { header: 'Speed', aliases: ['CPU Speed', 'Speed MHz'] },
  sockets: { header: '# CPU', aliases: ['Num CPU', 'CPU sockets'] },
  coresPerSocket: { header: 'Cores per CPU' },
  cores: { header: '# Cores', aliases: ['Num Cores'] },
  memoryMiB: { header: '# Memory', aliases: ['Memory', 'Memory MiB', 'Memory MB'] },
  currentEvc: { header: 'Current EVC' },
  maxEvc: { header: 'Max EVC' },
  version: { header: 'ESX Version', aliases: ['ESXi Version', 'Version'] },
  vendor: { header: 'Vendor' },
  model: { header: 'Model' },
  license: { header: 'Assigned License(s)', aliases: ['Assigned License'] },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VCLUSTER = {
  name: { header: 'Name', aliases: ['Cluster'], required: true },
  haEnabled: { header: 'HA enabled' },
  failoverLevel: { header: 'Failover Level' },
  admissionControl: { header: 'AdmissionControlEnabled', aliases: ['Admission Control Enabled'] },
  hostMonitoring: { header: 'Host monitoring' },
  isolationResponse: { header: 'Isolation Response' },
  restartPriority: { header: 'Restart Priority' },
  drsEnabled: { header: 'DRS enabled' },
  drsBehavior: { header: 'DRS default VM behavior', aliases: ['DRS behavior'] },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VHBA = {
  host: { header: 'Host', required: true },
  device: { header: 'Device', required: true },
  type: { header: 'Type' },
  status: { header: 'Status' },
  pci: { header: 'Pci', aliases: ['PCI'] },
  driver: { header: 'Driver' },
  model: { header: 'Model' },
  wwn: { header: 'WWN' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VNIC = {
  host: { header: 'Host', required: true },
  device: { header: 'Network Device', aliases: ['Device'], required: true },
  driver: { header: 'Driver' },
  speedMbps: { header: 'Speed' },
  mac: { header: 'MAC' },
  vswitch: { header: 'Switch' },
  uplinkPort: { header: 'Uplink port' },
  pci: { header: 'PCI', aliases: ['Pci'] },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VSWITCH = {
  host: { header: 'Host', required: true },
  name: { header: 'Switch', required: true },
  mtu: { header: 'MTU' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VPORT = {
  host: { header: 'Host', required: true },
  portGroup: { header: 'Port Group', aliases: ['Portgroup'], required: true },
  vswitch: { header: 'Switch', required: true },
  vlan: { header: 'VLAN' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const DVSWITCH = {
  name: { header: 'Switch', aliases: ['Name'], required: true },
  label: { header: 'Name' },
  hostMembers: { header: 'Host members' },
  mtu: { header: 'Max MTU', aliases: ['MTU'] },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const DVPORT = {
  portGroup: { header: 'Port', aliases: ['Port Group', 'Portgroup'], required: true },
  dvswitch: { header: 'Switch', required: true },
  vlan: { header: 'VLAN' },
  active: { header: 'Active Uplink', aliases: ['Active Uplinks'] },
  standby: { header: 'Standby Uplink', aliases: ['Standby Uplinks'] },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VSC_VMK = {
  host: { header: 'Host', required: true },
  device: { header: 'Device', required: true },
  portGroup: { header: 'Port Group', aliases: ['Portgroup'] },
  ip: { header: 'IP Address' },
  mask: { header: 'Subnet mask' },
  gateway: { header: 'Gateway' },
  mtu: { header: 'MTU' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VDATASTORE = {
  name: { header: 'Name', required: true },
  type: { header: 'Type' },
  capacityMiB: { header: 'Capacity MiB', aliases: ['Capacity MB'] },
  freeMiB: { header: 'Free MiB', aliases: ['Free MB'] },
  hostCount: { header: '# Hosts' },
  hosts: { header: 'Hosts' },
  address: { header: 'Address' },
  url: { header: 'URL' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

export const VMULTIPATH = {
  host: { header: 'Host', required: true },
  datastore: { header: 'Datastore' },
  disk: { header: 'Disk' },
  policy: { header: 'Policy' },
  vendor: { header: 'Vendor' },
  model: { header: 'Model' },
  server: { header: 'VI SDK Server' },
} as const satisfies Specs;

/** vMultiPath lists up to eight paths per row: "Path 1" and "Path 1 state" .. "Path 8 state". */
export const MULTIPATH_SLOTS = 8;

export const VSOURCE = {
  name: { header: 'Name' },
  fullName: { header: 'Fullname', aliases: ['Full name'] },
  version: { header: 'Version' },
} as const satisfies Specs;

export const VMETADATA = {
  rvtoolsVersion: { header: 'RVTools version' },
  created: { header: 'xlsx creation datetime', aliases: ['creation datetime'] },
} as const satisfies Specs;
