import { useEffect, useState } from 'react';
import type { ModelChoice, ModelSettings } from '../../src-main/core/domain';
import { api } from '../api';
import { PeopleSettings } from '../people/PeopleSettings';
import { TeamSettings } from '../team/TeamSettings';
import { PracticeSettings } from '../today/PracticeSettings';
import { useApp } from '../store';
import { ErrorBanner } from '../components/ErrorBanner';

const ACCURACY: Record<ModelChoice['name'], string> = {
  'tiny.en': 'Fastest; misses more words, especially names and numbers.',
  'base.en': 'Recommended: good accuracy for clear speech at a speed most laptops handle.',
  'small.en': 'Most accurate; about three times slower than base.en and needs more memory.',
};

type Progress = { receivedBytes: number; totalBytes: number | null };
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/**
 * Settings: the speech model. Download one (progress, resume, checksum), pick which one is used,
 * or point at a model file on disk. Opened on first run when there is no model yet.
 */
export function SettingsView() {
  const refreshModel = useApp((s) => s.refreshModel);
  const model = useApp((s) => s.model);
  const [settings, setSettings] = useState<ModelSettings | null>(null);
  const [progress, setProgress] = useState<Partial<Record<ModelChoice['name'], Progress>>>({});
  const [failures, setFailures] = useState<Partial<Record<ModelChoice['name'], string>>>({});
  const [customPath, setCustomPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.models.settings().then(setSettings, (e: Error) => setError(e.message));
    return api.events.subscribe((e) => {
      if (e.type !== 'model.download') return;
      if (e.state === 'downloading')
        setProgress((p) => ({ ...p, [e.name]: { receivedBytes: e.receivedBytes, totalBytes: e.totalBytes } }));
      else {
        setProgress((p) => ({ ...p, [e.name]: undefined }));
        if (e.state === 'failed') setFailures((f) => ({ ...f, [e.name]: e.message ?? 'The download failed.' }));
        if (e.state === 'done') setNotice(`${e.name} is downloaded and its checksum verified.`);
        void api.models.settings().then(setSettings);
        void refreshModel();
      }
    });
  }, [refreshModel]);

  const act = async (what: () => Promise<ModelSettings>, after?: string) => {
    setError(null);
    setNotice(null);
    try {
      setSettings(await what());
      await refreshModel();
      if (after) setNotice(after);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!settings) return error ? <ErrorBanner message={error} /> : <p className="muted">Loading settings…</p>;

  return (
    <div className="settings" data-testid="settings">
      <PeopleSettings />
      <PracticeSettings />
      <TeamSettings />
      <h2>Speech model</h2>
      <p className="muted">
        Answers are transcribed on this computer with whisper.cpp: nothing you say leaves it. Pick a model once; it
        stays in your data folder.
        {model && !model.ready && ' Until a model is ready you can type your answers: they are scored the same way.'}
      </p>
      {settings.pinnedByEnvironment && (
        <p className="banner warning">
          The model is set by SPARRING_MODEL (or the command line), so choices here apply once that is removed.
        </p>
      )}
      <p data-testid="active-model">
        In use: {settings.activePath ? <code>{settings.activePath}</code> : <strong>no model yet</strong>}
      </p>
      <ErrorBanner message={error} testId="settings-error" />
      {notice && (
        <p className="ok" role="status" data-testid="settings-notice">
          {notice}
        </p>
      )}
      <table className="models">
        <thead>
          <tr>
            <th>Model</th>
            <th>Size</th>
            <th>Speed here</th>
            <th>Accuracy</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {settings.models.map((m) => {
            const p = progress[m.name];
            const percent = p?.totalBytes ? Math.floor((100 * p.receivedBytes) / p.totalBytes) : null;
            return (
              <tr key={m.name} className="static" data-testid={`model-${m.name}`}>
                <td>
                  <strong>{m.name}</strong>
                  {m.active && <span className="badge">in use</span>}
                  {m.name === 'base.en' && !m.active && <span className="badge">recommended</span>}
                </td>
                <td>{m.approxMb} MB</td>
                <td className="small">
                  {m.measured ? (
                    <>
                      feedback {m.measured.answer10s.toFixed(1)} s after a 10 s answer,{' '}
                      {m.measured.answer60s.toFixed(1)} s after 60 s
                      <span className="muted"> ({m.measured.machine})</span>
                    </>
                  ) : (
                    <span className="muted">not measured</span>
                  )}
                </td>
                <td className="small">{ACCURACY[m.name]}</td>
                <td className="model-actions">
                  {m.downloading || p ? (
                    <>
                      <progress
                        max={100}
                        value={percent ?? undefined}
                        data-testid="download-progress"
                        aria-label={`Downloading ${m.name}`}
                      />
                      <span className="small" data-testid="download-percent">
                        {p
                          ? `${mb(p.receivedBytes)}${p.totalBytes ? ` of ${mb(p.totalBytes)} (${percent}%)` : ''}`
                          : 'starting…'}
                      </span>
                      <button
                        onClick={() =>
                          void act(
                            () => api.models.cancelDownload({ name: m.name }),
                            'Download paused: it resumes where it stopped.',
                          )
                        }
                      >
                        Cancel
                      </button>
                    </>
                  ) : m.downloaded ? (
                    !m.active && (
                      <button
                        className="primary"
                        onClick={() => void act(() => api.models.use({ name: m.name }), `Now using ${m.name}.`)}
                        data-testid={`use-${m.name}`}
                      >
                        Use
                      </button>
                    )
                  ) : (
                    <button
                      className={m.name === 'base.en' ? 'primary' : ''}
                      onClick={() => {
                        setFailures((f) => ({ ...f, [m.name]: undefined }));
                        void act(() => api.models.download({ name: m.name }));
                      }}
                      data-testid={`download-${m.name}`}
                    >
                      {m.partialBytes ? `Resume (${mb(m.partialBytes)} so far)` : 'Download'}
                    </button>
                  )}
                  {failures[m.name] && (
                    <p className="banner error small" role="alert" data-testid="download-error">
                      {failures[m.name]}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>A model file of your own</h3>
      <p className="muted small">
        Any whisper.cpp model file (ggml format), for example one your IT team provides. It is checked before it is
        used.
      </p>
      <form
        className="custom-model"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => api.models.use({ path: customPath }), 'Now using your model file.');
        }}
      >
        <input
          value={customPath}
          onChange={(e) => setCustomPath(e.target.value)}
          placeholder="/path/to/ggml-model.bin"
          aria-label="Model file path"
          data-testid="custom-model-path"
        />
        <button type="submit" disabled={!customPath.trim()} data-testid="use-custom-model">
          Use this file
        </button>
      </form>
      {settings.customPath && (
        <p className="small">
          In use: your file <code>{settings.customPath}</code>
        </p>
      )}
    </div>
  );
}
