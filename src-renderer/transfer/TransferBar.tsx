import { useState } from 'react';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';
import { downloadZip } from './download';
import { ImportButton } from './ImportButton';

/**
 * Attempts travel between computers as files: import a rep's attempts or a manager's review here;
 * export the attempts listed (the rep sends them to their manager). A review that comes back opens
 * the attempt it is about.
 */
export function TransferBar({ exportIds, onImported }: { exportIds: number[]; onImported(): void }) {
  const { go, showToast } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportListed = async () => {
    setBusy(true);
    setError(null);
    try {
      const { fileName } = downloadZip(await api.bundles.exportAttempts({ attemptIds: exportIds }));
      showToast({ message: `Exported ${fileName}: send it to your manager.` });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="transfer-bar">
      <ImportButton
        onImported={(r) =>
          r.format === 'sparring-review' && r.attemptIds.length === 1
            ? go({ name: 'attempt', id: r.attemptIds[0]! })
            : onImported()
        }
      />
      {exportIds.length > 0 && (
        <button onClick={() => void exportListed()} disabled={busy} data-testid="export-listed">
          {busy
            ? 'Exporting…'
            : `Export the ${exportIds.length} finished attempt${exportIds.length === 1 ? '' : 's'} shown`}
        </button>
      )}
      <ErrorBanner message={error} />
    </div>
  );
}
