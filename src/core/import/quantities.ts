/** Quantities as a person writes them in a .vtopo file ("512 GB", "2.6 GHz", "10 Gbps"), exactly: no rounding. */

/** Whole or exact-to-three-decimals multiples of `unit`, else undefined. */
function exactMultiple(value: number, unit: number): string | undefined {
  const scaled = value / unit;
  const rounded = Math.round(scaled * 1000) / 1000;
  return Math.abs(rounded * unit - value) < 1e-9 ? String(rounded) : undefined;
}

/** MiB (RVTools' memory and capacity unit, the format's MB) as TB, GB or MB. */
export function dataText(mib: number): string {
  if (mib >= 1024 * 1024) {
    const tb = exactMultiple(mib, 1024 * 1024);
    if (tb !== undefined) return `${tb} TB`;
  }
  if (mib >= 1024) {
    const gb = exactMultiple(mib, 1024);
    if (gb !== undefined) return `${gb} GB`;
  }
  return `${Math.round(mib)} MB`;
}

export function frequencyText(mhz: number): string {
  const ghz = mhz >= 1000 ? exactMultiple(mhz, 1000) : undefined;
  return ghz !== undefined ? `${ghz} GHz` : `${Math.round(mhz)} MHz`;
}

export function bandwidthText(mbps: number): string {
  const gbps = mbps >= 1000 ? exactMultiple(mbps, 1000) : undefined;
  return gbps !== undefined ? `${gbps} Gbps` : `${Math.round(mbps)} Mbps`;
}
