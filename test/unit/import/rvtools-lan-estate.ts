/**
 * The hand-made export of rvtools-estate.ts with its LAN (no customer data): on each of the
 * two hosts, vSwitch0 over vmnic0 and vmnic2 (two cards) with the management, vMotion and
 * VM networks, and the distributed switch "DSwitch Prod" over vmnic1 ("Uplink 1") and
 * vmnic3 ("Uplink 2") with an application network, two iSCSI networks with one active
 * uplink each, an FT logging network (active / standby), a VLAN trunk and its uplink port
 * group; VMkernel ports vmk0 to vmk5, vmk5 on a port group whose name says no role.
 * Every network is redundant: the tests edit a copy to make it less so.
 */

import { estate, setCell, type Tables } from './rvtools-estate';

const VC = 'vcsa01.dc1.example.test';
const ESX1 = 'esx-01.dc1.example.test';
const ESX2 = 'esx-02.dc1.example.test';
export const DVS = 'DSwitch Prod';

export function lanEstate(): Tables {
  const tabs = estate();
  const nics = (host: string, octet: string) => [
    [host, 'vmnic0', 'ixgben', 10000, `aa:bb:cc:00:${octet}:00`, 'vSwitch0', '', '0000:18:00.0', VC],
    [host, 'vmnic1', 'ixgben', 10000, `aa:bb:cc:00:${octet}:01`, DVS, 'Uplink 1', '0000:18:00.1', VC],
    [host, 'vmnic2', 'bnxtnet', 10000, `aa:bb:cc:00:${octet}:02`, 'vSwitch0', '', '0000:5e:00.0', VC],
    [host, 'vmnic3', 'bnxtnet', 10000, `aa:bb:cc:00:${octet}:03`, DVS, 'Uplink 2', '0000:5e:00.1', VC],
  ];
  tabs.vNIC = { header: ['Host', 'Network Device', 'Driver', 'Speed', 'MAC', 'Switch', 'Uplink port', 'PCI', 'VI SDK Server'], rows: [...nics(ESX1, '01'), ...nics(ESX2, '02')] };
  tabs.vSwitch = {
    header: ['Host', 'Datacenter', 'Cluster', 'Switch', '# Ports', 'Policy', 'MTU', 'VI SDK Server'],
    rows: [ESX1, ESX2].map((host) => [host, 'DC1', 'Prod', 'vSwitch0', 128, 'loadbalance_srcid', 1500, VC]),
  };
  tabs.vPort = {
    header: ['Host', 'Datacenter', 'Cluster', 'Port Group', 'Switch', 'VLAN', 'Policy', 'VI SDK Server'],
    rows: [ESX1, ESX2].flatMap((host) => [
      [host, 'DC1', 'Prod', 'Management Network', 'vSwitch0', 10, 'loadbalance_srcid', VC],
      [host, 'DC1', 'Prod', 'vMotion', 'vSwitch0', 20, 'loadbalance_srcid', VC],
      [host, 'DC1', 'Prod', 'VM Network', 'vSwitch0', 0, 'loadbalance_srcid', VC],
    ]),
  };
  tabs.dvSwitch = {
    header: ['Switch', 'Datacenter', 'Name', 'Vendor', 'Version', 'Host members', 'Max MTU', 'VI SDK Server'],
    rows: [[DVS, 'DC1', DVS, 'VMware, Inc.', '8.0.0', `${ESX1}, ${ESX2}`, 9000, VC]],
  };
  tabs.dvPort = {
    header: ['Port', 'Switch', 'Type', '# Ports', 'VLAN', 'Active Uplink', 'Standby Uplink', 'Policy', 'VI SDK Server'],
    rows: [
      [`${DVS}-DVUplinks-35`, DVS, 'earlyBinding', 8, '0-4094', '', '', 'loadbalance_srcid', VC],
      ['PG-App 100', DVS, 'earlyBinding', 128, '100', 'Uplink 1, Uplink 2', '', 'loadbalance_srcid', VC],
      ['iSCSI-A', DVS, 'earlyBinding', 8, '50', 'Uplink 1', '', 'failover_explicit', VC],
      ['iSCSI-B', DVS, 'earlyBinding', 8, '51', 'Uplink 2', '', 'failover_explicit', VC],
      ['FT-Logging', DVS, 'earlyBinding', 8, '60', 'Uplink 2', 'Uplink 1', 'failover_explicit', VC],
      ['Trunk', DVS, 'earlyBinding', 8, '0-4094', 'Uplink 1, Uplink 2', '', 'loadbalance_srcid', VC],
      ['Backup', DVS, 'earlyBinding', 8, '70', 'Uplink 1', 'Uplink 2', 'failover_explicit', VC],
    ],
  };
  const vmk = (host: string, n: number) => [
    [host, 'DC1', 'Prod', 'Management Network', 'vmk0', `10.0.10.${n}`, '255.255.255.0', '10.0.10.254', 1500, VC],
    [host, 'DC1', 'Prod', 'vMotion', 'vmk1', `10.0.20.${n}`, '255.255.255.0', '', 1500, VC],
    [host, 'DC1', 'Prod', 'iSCSI-A', 'vmk2', `10.0.50.${n}`, '255.255.255.0', '', 9000, VC],
    [host, 'DC1', 'Prod', 'iSCSI-B', 'vmk3', `10.0.51.${n}`, '255.255.255.0', '', 9000, VC],
    [host, 'DC1', 'Prod', 'FT-Logging', 'vmk4', `10.0.60.${n}`, '255.255.252.0', '', 1500, VC],
    [host, 'DC1', 'Prod', 'Backup', 'vmk5', `10.0.70.${n}`, '255.255.255.0', '0.0.0.0', 1500, VC],
  ];
  tabs.vSC_VMK = { header: ['Host', 'Datacenter', 'Cluster', 'Port Group', 'Device', 'IP Address', 'Subnet mask', 'Gateway', 'MTU', 'VI SDK Server'], rows: [...vmk(ESX1, 11), ...vmk(ESX2, 12)] };
  // The FT pair and web01 on the application network; vcsa01 on the standard VM Network.
  for (const row of [1, 2, 3]) setCell(tabs, 'vInfo', row, 'Network #1', 'PG-App 100');
  return tabs;
}
