import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Review } from '../core/review.ts';
import { newIssueLink } from '../export/issue-links.ts';
import { escapeJira } from '../export/jira-escape.ts';
import { findingJira } from '../export/jira-report.ts';
import { escapeMarkdown } from '../export/markdown-escape.ts';
import { findingMarkdown } from '../export/markdown-report.ts';
import { buildReport, type Finding, type Report } from '../export/report.ts';
import { type NamedTarget, trackerTargets } from '../export/tracker-targets.ts';
import { loadSettings } from '../platform/settings.ts';
import { copyText } from '../ui/save-file.ts';
import type { ReviewData } from './use-review-data.ts';

/** The configured trackers, re-read when the options page saves. */
function useTrackerTargets(): { targets: NamedTarget[]; problems: string[] } {
  const [state, setState] = useState<{ targets: NamedTarget[]; problems: string[] }>({
    targets: [],
    problems: [],
  });
  useEffect(() => {
    const load = () =>
      loadSettings().then(
        (s) => setState(trackerTargets(s.trackers)),
        () => setState({ targets: [], problems: ['Could not read the tracker settings.'] }),
      );
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return state;
}

/** The body a tracker gets: Jira takes its wiki markup, GitHub and GitLab take Markdown. */
function bodyFor(target: NamedTarget, finding: Finding, report: Report): string {
  return target.target.kind === 'jira' ? findingJira(finding, report) : findingMarkdown(finding, report);
}

/**
 * One ticket per gap — each control missing, marketing-only or stale, and each standing red flag —
 * to copy, or to open as a prefilled new issue in the reviewer's own tracker.
 */
export function FindingsSection({
  review,
  data,
  staleClaims,
}: {
  review: Review;
  data: ReviewData | undefined;
  staleClaims: ReadonlySet<string>;
}) {
  const { targets, problems } = useTrackerTargets();
  const [message, setMessage] = useState<string | null>(null);
  const report = useMemo(
    () => (data ? buildReport({ review, sources: [], events: [], ...data }, { staleClaims }) : undefined),
    [review, data, staleClaims],
  );
  if (!report) return null;
  return (
    <section aria-labelledby="findings-heading" id="findings">
      <h2 id="findings-heading">Findings ({report.findings.length})</h2>
      {report.findings.length === 0 && (
        <p class="muted">No gaps: every control is proven or not applicable, and no red flag stands.</p>
      )}
      {targets.length === 0 && report.findings.length > 0 && (
        <p class="muted">
          Set a GitHub, GitLab or Jira project on the options page to open findings as prefilled new issues.
        </p>
      )}
      {problems.map((p) => (
        <p key={p} class="error">
          {p}
        </p>
      ))}
      <ul class="findings">
        {report.findings.map((finding) => (
          <li key={finding.key} data-finding={finding.key}>
            <span class="title">{finding.title}</span> <span class="badge">{finding.priority}</span>
            <div class="row">
              <button
                type="button"
                class="link"
                onClick={async () =>
                  setMessage(
                    await copyText(
                      `# ${escapeMarkdown(finding.title)}\n\n${findingMarkdown(finding, report)}`,
                      'Copied as Markdown.',
                    ),
                  )
                }
              >
                Copy (Markdown)
              </button>
              <button
                type="button"
                class="link"
                onClick={async () =>
                  setMessage(
                    await copyText(
                      `h1. ${escapeJira(finding.title)}\n\n${findingJira(finding, report)}`,
                      'Copied as Jira markup.',
                    ),
                  )
                }
              >
                Copy (Jira)
              </button>
              {targets.map((target) => {
                const body = bodyFor(target, finding, report);
                const link = newIssueLink(target.target, finding.title, body, finding.labels);
                return (
                  <a
                    key={target.name}
                    href={link.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    data-tracker={target.target.kind}
                    onClick={async () => {
                      if (link.cut) {
                        setMessage(
                          await copyText(
                            body,
                            `The ${target.name} link carries a shortened body (marked as cut); the full body is on the clipboard.`,
                          ),
                        );
                      }
                    }}
                  >
                    New {target.name} issue{link.cut ? ' (body cut)' : ''}
                  </a>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
      {message && (
        <p role="status" id="findings-status">
          {message}
        </p>
      )}
    </section>
  );
}
