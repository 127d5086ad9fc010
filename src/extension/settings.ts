/** The `vtopo.*` settings, read and checked in one place (declared in package.json). */

import * as vscode from 'vscode';
import type { SeveritySetting } from '../core/analysis/engine';

export interface VtopoSettings {
  /** `vtopo.rules`: rule id -> severity or off; a file's own `analysis.rules` wins. */
  readonly ruleSeverities: Readonly<Record<string, SeveritySetting>>;
  /** `vtopo.analysis.debounceMs`: quiet time after an edit before analysis runs. */
  readonly debounceMs: number;
}

const SEVERITY_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info', 'hint'] satisfies SeveritySetting[];
const DEFAULT_DEBOUNCE_MS = 250;

/** Settings as they apply to a document (folder settings override user settings). */
export function readSettings(scope: vscode.Uri | undefined): VtopoSettings {
  const configuration = vscode.workspace.getConfiguration('vtopo', scope);
  const rules = configuration.get<unknown>('rules');
  const ruleSeverities: Record<string, SeveritySetting> = Object.create(null) as Record<string, SeveritySetting>;
  if (rules !== null && typeof rules === 'object') {
    for (const [ruleId, value] of Object.entries(rules)) {
      if (typeof value === 'string' && SEVERITY_SETTINGS.includes(value)) ruleSeverities[ruleId] = value as SeveritySetting;
    }
  }
  const debounceMs = configuration.get<unknown>('analysis.debounceMs');
  return {
    ruleSeverities,
    debounceMs: typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0 ? debounceMs : DEFAULT_DEBOUNCE_MS,
  };
}
