import { useRef, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';

type Report = ResultOf<'bundles.import'>;

/** What an import did, in one sentence. */
export function describeImport(r: Report): string {
  const who = r.reps.join(', ') || 'nobody';
  if (r.format === 'sparring-attempts') {
    const already = r.attemptsAlreadyHere ? ` (${r.attemptsAlreadyHere} already here)` : '';
    return `Imported ${r.attemptsAdded} attempt${r.attemptsAdded === 1 ? '' : 's'} by ${who}${already}.`;
  }
  const parts = [
    r.commentsAdded && `${r.commentsAdded} comment${r.commentsAdded === 1 ? '' : 's'}`,
    r.commentsUpdated && `${r.commentsUpdated} edited`,
    r.scoreChanges && `${r.scoreChanges} score change${r.scoreChanges === 1 ? '' : 's'}`,
    r.reviews && 'the review',
    r.plans && 'a coaching plan',
  ].filter(Boolean);
  return parts.length
    ? `Imported the review for ${who}: ${parts.join(', ')}.`
    : 'Nothing new: this review was imported already.';
}

/**
 * Imports a `.sparring-attempts` bundle (a rep's attempts, for a manager) or a `.sparring-review`
 * file (a manager's review, for the rep). A refused file says every reason; nothing is written.
 */
export function ImportButton({ onImported }: { onImported(report: Report): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showToast = useApp((s) => s.showToast);
  const pick = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const report = await api.bundles.import({ fileName: file.name, zip: new Uint8Array(await file.arrayBuffer()) });
      showToast({ message: describeImport(report) });
      onImported(report);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <span className="import-button">
      <input
        ref={input}
        type="file"
        accept=".sparring-attempts,.sparring-review"
        hidden
        onChange={(e) => e.target.files?.[0] && void pick(e.target.files[0])}
        data-testid="import-file"
        aria-label="Attempts or review file to import"
      />
      <button onClick={() => input.current?.click()} disabled={busy} data-testid="import-button">
        {busy ? 'Checking and importing…' : 'Import attempts or a review…'}
      </button>
      <ErrorBanner message={error} />
    </span>
  );
}
