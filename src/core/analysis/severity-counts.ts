/**
 * A count of findings of one severity in words, one template per form (`1 error`,
 * `3 errors`): the words of `vtopo check`'s summary and of the design review (docs/l10n.md).
 */

import type { Severity } from './rule';
import { defineMessages } from '../l10n/messages';
import { formatNumber } from '../l10n/format';

const SEVERITY_COUNTS = defineMessages('severity-count', {
  oneError: '1 error',
  manyErrors: '{count} errors',
  oneWarning: '1 warning',
  manyWarnings: '{count} warnings',
  oneInfo: '1 info',
  manyInfos: '{count} infos',
  oneHint: '1 hint',
  manyHints: '{count} hints',
});

/** `1 error`, `1,501 warnings`; `grouping: false` writes `1501 warnings`, as `vtopo check`'s summary does for scripts. */
export function severityCount(severity: Severity, count: number, options: { readonly grouping?: boolean } = {}): string {
  const many = { count: formatNumber(Math.round(count), { grouping: options.grouping ?? true }) };
  switch (severity) {
    case 'error':
      return count === 1 ? SEVERITY_COUNTS.oneError({}) : SEVERITY_COUNTS.manyErrors(many);
    case 'warning':
      return count === 1 ? SEVERITY_COUNTS.oneWarning({}) : SEVERITY_COUNTS.manyWarnings(many);
    case 'info':
      return count === 1 ? SEVERITY_COUNTS.oneInfo({}) : SEVERITY_COUNTS.manyInfos(many);
    case 'hint':
      return count === 1 ? SEVERITY_COUNTS.oneHint({}) : SEVERITY_COUNTS.manyHints(many);
  }
}
