/**
 * The largest values the format takes, per kind of number, in the base unit of the key
 * (`memoryMB`, `speedMbps`...). Each is well above anything real, so no real design is
 * refused, and low enough that sums, products and ratios over an estate of a million
 * elements stay finite: no quantity reaches Infinity and no percentage becomes NaN
 * downstream (`cores: 1e308`, `memoryTB: 1e308`). The number readers require every field
 * to declare its bounds (schema.ts, NumberBounds); a value outside them is an invalid-value
 * problem that names them, and is not used.
 */
export const FORMAT_BOUNDS = {
  /** 4,096 cores at 10 GHz: the most CPU a host (cpu.cores and cpu.speed at their maxima) can have. */
  cpuMHz: 4096 * 10_000,
  /** 1 PB (2^30 MB): memory of a host or a VM; no server comes close. */
  memoryMB: 1024 ** 3,
  /** 1 EB (2^40 MB): a datastore; the largest arrays hold petabytes. */
  capacityMB: 1024 ** 4,
  /** 10 Tbps: a port, link or network; 1.6 Tbps Ethernet is the fastest being standardised. */
  bandwidthMbps: 10_000_000,
  /** 10 TB/s: an array's or a VM's throughput, a VM's dirty rate. */
  throughputMBps: 10_000_000,
  /** A day: no HA timer, delay, boot or shutdown is measured in days. */
  seconds: 86_400,
  /** Counts per host (VMs, concurrent migrations), per VM (vNICs) and per switch (ports): far above any platform's maximum (1,024 VMs per host, 10 vNICs per VM). */
  countPerElement: 100_000,
  /** Money, in any currency: a trillion. */
  cost: 1e12,
  /** A layout coordinate, either sign: ten million canvas pixels. */
  coordinate: 10_000_000,
} as const;
