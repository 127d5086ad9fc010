/** The design review's file formats: what `vtopo report --format` and "VTopo: Export Design Review..." write. */

import { reviewToHtml } from './html';
import { reviewToMarkdown } from './markdown';
import type { DesignReview } from './review';

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILES: Readonly<Record<ReportFormat, { readonly extension: string; readonly filterName: string }>> = {
  html: { extension: 'html', filterName: 'HTML' },
  md: { extension: 'md', filterName: 'Markdown' },
};

export function renderReview(review: DesignReview, format: ReportFormat): string {
  return format === 'html' ? reviewToHtml(review) : reviewToMarkdown(review);
}
