import { useApp } from '../store';

/** Says plainly when answers cannot be transcribed yet, and what to run. */
export function ModelBanner() {
  const model = useApp((s) => s.model);
  const go = useApp((s) => s.go);
  if (!model || model.ready) return null;
  return (
    <div className="banner warning" role="alert" data-testid="model-banner">
      <strong>Transcription is not available.</strong> {model.problem}{' '}
      <button className="link" onClick={() => go({ name: 'settings' })} data-testid="open-model-settings">
        Open Settings
      </button>
    </div>
  );
}
