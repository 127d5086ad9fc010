/** The `vtopo.*` settings, read and checked in one place (declared in package.json). */

import * as vscode from 'vscode';
import type { HostRuleSetting, SeveritySetting } from '../core/analysis/engine';
import { SEVERITY_SETTINGS } from '../core/model/severity-settings';

export interface VtopoSettings {
  /** `vtopo.rules`: rule id -> severity, or { severity, thresholds }; a file's own `analysis.rules` wins. */
  readonly rules: Readonly<Record<string, HostRuleSetting>>;
  /** `vtopo.analysis.debounceMs`: quiet time after an edit before analysis runs. */
  readonly debounceMs: number;
  /** `vtopo.outline.maxItems`: at most this many elements in the outline, breadcrumbs and Go to Symbol. */
  readonly outlineLimit: number;
}

const DEFAULT_DEBOUNCE_MS = 0;
/** As `json.maxItemsComputed`. */
const DEFAULT_OUTLINE_LIMIT = 5000;

/** Settings as they apply to a document (folder settings override user settings). */
export function readSettings(scope: vscode.Uri | undefined): VtopoSettings {
  const configuration = vscode.workspace.getConfiguration('vtopo', scope);
  const rules: Record<string, HostRuleSetting> = Object.create(null) as Record<string, HostRuleSetting>;
  const configured = configuration.get<unknown>('rules');
  if (configured !== null && typeof configured === 'object') {
    for (const [ruleId, value] of Object.entries(configured)) {
      const setting = readRuleSetting(value);
      if (setting) rules[ruleId] = setting;
    }
  }
  const debounceMs = configuration.get<unknown>('analysis.debounceMs');
  const outlineLimit = configuration.get<unknown>('outline.maxItems');
  return {
    rules,
    debounceMs: typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0 ? debounceMs : DEFAULT_DEBOUNCE_MS,
    outlineLimit: typeof outlineLimit === 'number' && Number.isFinite(outlineLimit) && outlineLimit >= 0 ? Math.floor(outlineLimit) : DEFAULT_OUTLINE_LIMIT,
  };
}

/** `"warning"`, or `{ "severity": "warning", "headroomPercent": 20 }`; anything else is ignored. */
function readRuleSetting(value: unknown): HostRuleSetting | undefined {
  if (typeof value === 'string') return isSeverity(value) ? { severity: value } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  let severity: SeveritySetting | undefined;
  const options: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'severity' && typeof entry === 'string' && isSeverity(entry)) severity = entry;
    else if (typeof entry === 'number' && Number.isFinite(entry)) options[key] = entry;
  }
  return severity === undefined ? { options } : { severity, options };
}

function isSeverity(value: string): value is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
