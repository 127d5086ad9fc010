/**
 * What a design's `analysis.rules` or the `vtopo.rules` setting may set a rule to: a
 * severity, or `off`. Apart from the format (format.ts), so that the extension host reads
 * settings without loading the parser.
 */
export const SEVERITY_SETTINGS = ['off', 'error', 'warning', 'info', 'hint'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
