/**
 * The severities of findings, and what a design's `analysis.rules` or the `vtopo.rules`
 * setting may set a rule to: a severity, or `off`. Apart from the format (format.ts), so
 * that the extension host reads settings without loading the parser.
 */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_SETTINGS = ['off', ...SEVERITIES] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
