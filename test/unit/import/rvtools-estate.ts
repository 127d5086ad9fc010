/**
 * A small hand-made RVTools export (no customer data): one vCenter, cluster "Prod" with two
 * hosts, an FT pair, a template, a VM on a local datastore, a shared LUN with two paths
 * from one host and one working plus one dead path from the other. Tests edit a copy.
 */

import type { Cell, Table } from '../../../src/core/import/table';

export type Tables = Record<string, { header: string[]; rows: Cell[][] }>;

const VC = 'vcsa01.dc1.example.test';
const ESX1 = 'esx-01.dc1.example.test';
const ESX2 = 'esx-02.dc1.example.test';

export function estate(): Tables {
  return {
    vInfo: {
      header: ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'CPUs', 'Memory', 'NICs', 'Network #1', 'FT State', 'FT Role', 'HA Restart Priority', 'HA Isolation Response', 'Path', 'Cluster', 'Host', 'VI SDK Server', 'VM ID', 'DNS Name'],
      rows: [
        ['vcsa01', 'poweredOn', 'False', 'False', 4, 16384, 1, 'VM Network', 'notConfigured', '', 'clusterRestartPriority', 'clusterIsolationResponse', '[ds-san-01] vcsa01/vcsa01.vmx', 'Prod', ESX1, VC, 'vm-1', VC],
        ['SQL Server 01', 'poweredOn', 'False', 'False', 8, 65536, 2, 'VM Network', 'running', '1', 'high', '', '[ds-san-01] sql/sql.vmx', 'Prod', ESX1, VC, 'vm-2', ''],
        ['SQL Server 01', 'poweredOn', 'False', 'False', 8, 65536, 2, 'VM Network', 'running', '2', 'high', '', '[ds-san-01] sql/sql.vmx', 'Prod', ESX2, VC, 'vm-3', ''],
        ['web01', 'poweredOn', 'False', 'False', 2, 4096, 1, '', 'notConfigured', '', '', '', '[local-esx-02] web01/web01.vmx', 'Prod', ESX2, VC, 'vm-4', ''],
        ['old-app', 'poweredOff', 'False', 'False', 2, 1536, 1, '', 'notConfigured', '', '', '', '[ds-san-01] old/old.vmx', 'Prod', ESX2, VC, 'vm-6', ''],
        ['tmpl-win', 'poweredOff', 'True', 'False', 2, 4096, 1, '', '', '', '', '', '[ds-san-01] t/t.vmtx', 'Prod', ESX2, VC, 'vm-5', ''],
      ],
    },
    vCPU: { header: ['VM', 'Reservation', 'VM ID', 'VI SDK Server'], rows: [['SQL Server 01', 4000, 'vm-2', VC]] },
    vMemory: { header: ['VM', 'Reservation', 'VM ID', 'VI SDK Server'], rows: [['SQL Server 01', 32768, 'vm-2', VC]] },
    vHost: {
      header: ['Host', 'Datacenter', 'Cluster', 'in Maintenance Mode', 'CPU Model', 'Speed', '# CPU', 'Cores per CPU', '# Cores', '# Memory', 'Current EVC', 'Max EVC', 'ESX Version', 'Vendor', 'Model', 'Assigned License(s)', 'VI SDK Server'],
      rows: [
        [ESX1, 'DC1', 'Prod', 'False', 'Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz', 2500, 2, 20, 40, 524288, '', 'intel-cascadelake', 'VMware ESXi 8.0.2 build-22380479', 'Dell Inc.', 'PowerEdge R740', 'VMware vSphere 8 Enterprise Plus', VC],
        [ESX2, 'DC1', 'Prod', 'False', 'Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz', 2500, 2, 20, 40, 524288, '', 'intel-cascadelake', 'VMware ESXi 8.0.2 build-22380479', 'Dell Inc.', 'PowerEdge R740', 'VMware vSphere 8 Enterprise Plus', VC],
      ],
    },
    vCluster: {
      header: ['Name', 'HA enabled', 'Failover Level', 'AdmissionControlEnabled', 'Host monitoring', 'Isolation Response', 'Restart Priority', 'DRS enabled', 'DRS default VM behavior', 'VI SDK Server'],
      rows: [['Prod', 'True', 1, 'True', 'enabled', 'powerOff', 'medium', 'True', 'fullyAutomated', VC]],
    },
    vHBA: {
      header: ['Host', 'Device', 'Type', 'Status', 'Pci', 'Driver', 'Model', 'WWN'],
      rows: [
        [ESX1, 'vmhba0', 'Block SCSI', 'online', '0000:02:00.0', 'lsi_mr3', 'PERC H730', ''],
        [ESX1, 'vmhba2', 'Fibre Channel', 'online', '0000:3b:00.0', 'qlnativefc', 'QLE2692', '20:00:00:24:ff:3d:fa:6c 21:00:00:24:ff:3d:fa:6c'],
        [ESX1, 'vmhba3', 'Fibre Channel', 'online', '0000:5e:00.0', 'qlnativefc', 'QLE2692', '20:00:00:24:ff:3d:fa:6d 21:00:00:24:ff:3d:fa:6d'],
        [ESX2, 'vmhba2', 'Fibre Channel', 'online', '0000:3b:00.0', 'qlnativefc', 'QLE2692', '21:00:00:24:ff:3d:fb:01'],
        [ESX2, 'vmhba3', 'Fibre Channel', 'online', '0000:5e:00.0', 'qlnativefc', 'QLE2692', '21:00:00:24:ff:3d:fc:01'],
      ],
    },
    vNIC: {
      header: ['Host', 'Network Device', 'Driver', 'Speed', 'MAC', 'Switch', 'PCI'],
      rows: [
        [ESX1, 'vmnic0', 'ixgben', 10000, 'aa:bb:cc:00:00:01', 'vSwitch0', '0000:18:00.0'],
        [ESX1, 'vmnic1', 'ixgben', 10000, 'aa:bb:cc:00:00:02', 'vSwitch0', '0000:18:00.1'],
        [ESX2, 'vmnic0', 'ixgben', 10000, 'aa:bb:cc:00:01:01', 'vSwitch0', '0000:18:00.0'],
        [ESX2, 'vmnic1', 'ixgben', 10000, 'aa:bb:cc:00:01:02', 'vSwitch0', '0000:19:00.0'],
      ],
    },
    vDatastore: {
      header: ['Name', 'Type', 'Capacity MiB', 'Free MiB', '# Hosts', 'Hosts'],
      rows: [
        ['ds-san-01', 'VMFS', 4194304, 1000000, 2, `${ESX1}, ${ESX2}`],
        ['ds-san-02', 'VMFS', 2097152, 1000000, 2, `${ESX1}, ${ESX2}`],
        ['local-esx-02', 'VMFS', 819200, 1000, 1, ESX2],
      ],
    },
    vMultiPath: {
      header: ['Host', 'Datastore', 'Disk', 'Path 1', 'Path 1 state', 'Path 2', 'Path 2 state'],
      rows: [
        [ESX1, 'ds-san-01', 'naa.1', 'vmhba2:C0:T0:L1', 'active', 'vmhba3:C0:T0:L1', 'active'],
        [ESX2, 'ds-san-01', 'naa.1', 'vmhba2:C0:T0:L1', 'active', 'vmhba3:C0:T0:L1', 'dead'],
        [ESX1, 'ds-san-02', 'naa.2', 'vmhba2:C0:T1:L2', 'active', 'vmhba3:C0:T1:L2', 'standby'],
        [ESX2, 'ds-san-02', 'naa.2', 'vmhba2:C0:T1:L2', 'active', 'vmhba3:C0:T1:L2', 'active'],
      ],
    },
    vSource: { header: ['Name', 'Fullname', 'Version'], rows: [[VC, 'VMware vCenter Server 8.0.2', '8.0.2']] },
    vMetaData: { header: ['RVTools major version', 'RVTools version', 'xlsx creation datetime', 'Server'], rows: [[4, '4.6.1.0', '2026/11/30 09:12:00', 'vcsa01']] },
  };
}

export function tablesOf(tabs: Tables): Table[] {
  return Object.entries(tabs).map(([name, table]) => ({ name, header: table.header, rows: table.rows }));
}

/** Sets one cell, found by tab, row index and header; fails on a header the tab does not have. */
export function setCell(tabs: Tables, tab: string, row: number, header: string, value: Cell): void {
  const table = tabs[tab];
  const column = table?.header.indexOf(header) ?? -1;
  const cells = table?.rows[row];
  if (!table || column < 0 || !cells) throw new Error(`no cell ${tab}[${row}].${header}`);
  cells[column] = value;
}
