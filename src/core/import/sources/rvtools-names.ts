/**
 * RVTools tab names: the sheets of its workbook, and the part of its CSV file names
 * (RVTools_tab<TAB>.csv) that names the tab.
 */

/** The tabs RVTools 3.x and 4.x write (vFloppy only in older releases). */
export const RVTOOLS_TABS: readonly string[] = [
  'vInfo', 'vCPU', 'vMemory', 'vDisk', 'vPartition', 'vNetwork', 'vCD', 'vFloppy', 'vUSB', 'vSnapshot', 'vTools',
  'vSource', 'vRP', 'vCluster', 'vHost', 'vHBA', 'vNIC', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort', 'vSC_VMK',
  'vDatastore', 'vMultiPath', 'vLicense', 'vFileInfo', 'vHealth', 'vMetaData',
];

const KNOWN = new Set(RVTOOLS_TABS.map((tab) => tab.toLowerCase()));

/** Whether a sheet name is an RVTools tab (case aside). */
export function isRvtoolsTab(name: string): boolean {
  return KNOWN.has(name.trim().toLowerCase());
}

const CSV_NAME = /^RVTools_tab(.+)\.csv$/i;

/** The tab a CSV file name holds ("RVTools_tabvInfo.csv" → "vInfo"), or undefined for other names. Give it a base name, not a path. */
export function rvtoolsCsvTab(fileName: string): string | undefined {
  return CSV_NAME.exec(fileName)?.[1];
}
