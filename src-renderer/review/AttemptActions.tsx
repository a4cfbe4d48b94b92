import { useState } from 'react';
import type { AttemptDetail } from '../../src-main/core/domain';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';
import { download, downloadZip } from '../transfer/download';

/**
 * An attempt as files: the attempt itself (for the manager), the review of it (back to the rep),
 * or a self-contained HTML page for people without Sparring (prints to PDF from the browser).
 */
export function AttemptActions({ attempt, canReview }: { attempt: AttemptDetail; canReview: boolean }) {
  const showToast = useApp((s) => s.showToast);
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<string>) => async () => {
    setError(null);
    try {
      showToast({ message: await work() });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const reviewed =
    attempt.review ||
    attempt.plan ||
    attempt.comments.length ||
    attempt.turns.some((t) => t.score?.criteria.some((c) => c.override));
  if (attempt.status === 'in_progress') return null;
  return (
    <div className="attempt-actions">
      <button
        onClick={run(async () => {
          const { fileName } = downloadZip(await api.bundles.exportAttempts({ attemptIds: [attempt.id] }));
          return `Exported ${fileName}.`;
        })}
        data-testid="export-attempt"
      >
        Export attempt
      </button>
      {canReview && reviewed && (
        <button
          onClick={run(async () => {
            const { fileName } = downloadZip(await api.bundles.exportReview({ attemptIds: [attempt.id] }));
            return `Saved ${fileName}: send it to ${attempt.rep}, who imports it from their History.`;
          })}
          data-testid="export-review"
        >
          Send the review to {attempt.rep}
        </button>
      )}
      <button
        onClick={run(async () => {
          const { fileName, html } = await api.bundles.exportHtml({ attemptId: attempt.id });
          download(fileName, html, 'text/html');
          return `Saved ${fileName}: open it in any browser, or print it to PDF.`;
        })}
        data-testid="export-html"
      >
        Export as HTML
      </button>
      <ErrorBanner message={error} />
    </div>
  );
}
