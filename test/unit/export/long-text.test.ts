import { describe, expect, test } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../../src/export/export-formats.ts';
import { exportReview } from '../../../src/export/export-review.ts';
import { sampleSnapshot } from './sample-report.ts';

describe('a note of 300,000 lines (the backup schema allows a million characters)', () => {
  const snapshot = sampleSnapshot();
  const note = 'x\n'.repeat(300_000);
  const notes = snapshot.notes.map((n) => (n.scope === 'review' ? { ...n, text: note } : n));
  const withNote = {
    ...snapshot,
    notes: notes.some((n) => n.scope === 'review')
      ? notes
      : [
          ...notes,
          {
            id: 'long',
            reviewId: snapshot.review.id,
            scope: 'review' as const,
            text: note,
            at: '2025-06-01T12:00:00.000Z',
          },
        ],
  };

  test.each(Object.keys(EXPORT_FORMATS) as ExportFormat[])(
    'exports to %s without running out of arguments',
    (format) => {
      const file = exportReview(withNote, { format, app: { name: 'test', version: '0' } });
      // The CSV layouts carry claim notes, not the review's: there it only must not throw.
      if (format === 'csv' || format === 'jira-csv') expect(file.text.length).toBeGreaterThan(0);
      else expect(file.text.length).toBeGreaterThan(300_000);
    },
  );
});
