/** The export formats the panel offers: names, file extensions, MIME types and renderers. */
import { claimsCsv, jiraCsv } from './csv-export.ts';
import { htmlReport } from './html-report.ts';
import { jiraReport } from './jira-report.ts';
import { markdownReport } from './markdown-report.ts';
import type { Report } from './report.ts';

/** Every export format; `json` is the backup (rendered by `backup.ts`, not here). */
export type ExportFormat = 'md' | 'jira' | 'csv' | 'jira-csv' | 'html' | 'json';

/** How a format is offered and saved. */
export interface ExportFormatInfo {
  label: string;
  /** Without the dot. */
  extension: string;
  mime: string;
}

/** Label, file extension and MIME type per format. */
export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  md: { label: 'Markdown report', extension: 'md', mime: 'text/markdown;charset=utf-8' },
  jira: { label: 'Jira wiki markup report', extension: 'txt', mime: 'text/plain;charset=utf-8' },
  csv: { label: 'Claims (CSV)', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  'jira-csv': { label: 'Findings for Jira CSV import', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  html: { label: 'Printable report (HTML)', extension: 'html', mime: 'text/html;charset=utf-8' },
  json: { label: 'Backup (JSON)', extension: 'json', mime: 'application/json' },
};

/** Renders a report in one of the text formats (the JSON backup is rendered elsewhere). */
export function renderReport(format: Exclude<ExportFormat, 'json'>, report: Report): string {
  switch (format) {
    case 'md':
      return markdownReport(report);
    case 'jira':
      return jiraReport(report);
    case 'csv':
      return claimsCsv(report);
    case 'jira-csv':
      return jiraCsv(report);
    case 'html':
      return htmlReport(report);
  }
}
