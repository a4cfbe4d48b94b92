import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExampleResult, ScenarioCheck, ScenarioFileEntry } from '../../src-main/core/domain';
import { api } from '../api';
import { base64ToBytes, bytesToBase64 } from '../audio/pcm';
import { hasVoice, playClip, speak, stopSpeaking } from '../audio/buyer-voice';
import { TurnGraph } from '../components/TurnGraph';
import { YamlEditor } from '../components/YamlEditor';
import { useApp } from '../store';

type Source = ScenarioFileEntry['source'];
interface OpenFile {
  source: Source;
  file: string;
  editable: boolean;
  /** The text as saved on disk; the editor's text differs while there are unsaved changes. */
  saved: string;
}

const CHECK_DELAY_MS = 250;

/**
 * The enablement designer's workspace: every scenario file (valid or not), a YAML editor with
 * live validation inline, a preview of persona and turn graph, the examples run on demand,
 * "try it", and packs in and out as zips. Built-ins are read-only; "Duplicate" makes a copy to edit.
 */
export function DesignerView() {
  const go = useApp((s) => s.go);
  const [files, setFiles] = useState<ScenarioFileEntry[] | null>(null);
  const [userDir, setUserDir] = useState('');
  const [open, setOpen] = useState<OpenFile | null>(null);
  const [text, setText] = useState('');
  const [check, setCheck] = useState<ScenarioCheck | null>(null);
  const [examples, setExamples] = useState<ExampleResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<{ message: string; undo?: () => void } | null>(null);
  const [jump, setJump] = useState<{ line: number } | null>(null);
  const [voiceNote, setVoiceNote] = useState<string | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const dirty = open !== null && text !== open.saved;

  const refresh = useCallback(async () => {
    const listing = await api.designer.list();
    setFiles(listing.files);
    setUserDir(listing.userDir);
    return listing.files;
  }, []);

  useEffect(() => {
    refresh().catch((e: Error) => setError(e.message));
  }, [refresh]);

  // Live validation: check the text a moment after the designer stops typing.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      api.designer.check({ source: open.source, file: open.file, text }).then(setCheck, (e: Error) => setError(e.message));
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, text]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 8000);
    return () => clearTimeout(timer);
  }, [toast]);

  const select = async (source: Source, file: string) => {
    if (dirty && !window.confirm(`Discard the unsaved changes to ${open!.file}?`)) return;
    try {
      const f = await api.designer.open({ source, file });
      setOpen({ source, file, editable: f.editable, saved: f.text });
      setText(f.text);
      setCheck(null);
      setExamples(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const act = async (what: () => Promise<void>) => {
    setError(null);
    try {
      await what();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const save = () =>
    act(async () => {
      if (!open?.editable) return;
      const result = await api.designer.save({ file: open.file, text });
      setOpen({ ...open, saved: text });
      setCheck(result);
      await refresh();
      setToast({ message: result.problems.length ? `Saved with ${result.problems.length} problem(s): it is listed as invalid until fixed.` : 'Saved.' });
    });

  const duplicate = () =>
    act(async () => {
      const copy = await api.designer.duplicate({ source: open!.source, file: open!.file });
      await refresh();
      const f = await api.designer.open(copy);
      setOpen({ source: 'user', file: copy.file, editable: true, saved: f.text });
      setText(f.text);
      setExamples(null);
      setToast({ message: `Copied to your scenarios as ${copy.file}. Edit away.` });
    });

  const remove = () =>
    act(async () => {
      const removed = await api.designer.remove({ file: open!.file });
      setOpen(null);
      await refresh();
      setToast({
        message: `Deleted ${removed.file}.`,
        undo: () =>
          void act(async () => {
            await api.designer.save(removed);
            await refresh();
            await select('user', removed.file);
            setToast({ message: `Restored ${removed.file}.` });
          }),
      });
    });

  const runExamples = () =>
    act(async () => {
      const run = await api.designer.runExamples({ source: open!.source, file: open!.file, text });
      setCheck((c) => (run.problems.length ? { scenario: null, edges: [], problems: run.problems } : c));
      setExamples(run.results);
    });

  const tryIt = () => {
    if (check?.scenario) go({ name: 'practice', startScenarioId: check.scenario.id });
  };

  const exportPack = (source: Source, pack: string) =>
    act(async () => {
      const { fileName, zipBase64 } = await api.designer.exportPack({ source, pack });
      const url = URL.createObjectURL(new Blob([base64ToBytes(zipBase64)], { type: 'application/zip' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setToast({ message: `Exported ${fileName}.` });
    });

  const importPack = (file: File) =>
    act(async () => {
      const zipBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await api.designer.importPack({ fileName: file.name, zipBase64 });
      await refresh();
      setToast({ message: `Imported pack "${result.pack}": ${result.scenarioIds.join(', ')}.` });
    });

  /** Plays a line as a rep would hear it: the scenario's clip or synthesised voice, else the system voice. */
  const play = async (scenarioId: string, turnId: string, line: string, voice?: string) => {
    stopSpeaking();
    try {
      const source = await api.voice.buyerLine({ scenarioId, turnId });
      if (source.mediaPath) return await playClip(api.media.url(source.mediaPath)).done;
    } catch (e) {
      setVoiceNote(`${(e as Error).message} Trying the system voice.`);
    }
    if (!(await hasVoice())) {
      setVoiceNote('No system voice is available here, so buyer lines are shown as text only.');
      return;
    }
    await speak(line, voice);
  };

  if (!files) return error ? <div className="banner error" role="alert">{error}</div> : <p className="muted">Loading scenario files…</p>;

  const groups: { source: Source; title: string }[] = [
    { source: 'user', title: 'Your scenarios' },
    { source: 'built-in', title: 'Built-in (read-only)' },
  ];
  const problems = check?.problems ?? [];
  const scenario = check?.scenario ?? null;

  return (
    <div className="designer" data-testid="designer">
      <aside aria-label="Scenario files">
        <button onClick={() => importInput.current?.click()} data-testid="import-pack">
          Import pack…
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="import-pack-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importPack(f);
          }}
        />
        {groups.map(({ source, title }) => {
          const mine = files.filter((f) => f.source === source);
          const packs = [...new Set(mine.map((f) => f.pack))];
          return (
            <section key={source}>
              <h3>{title}</h3>
              {mine.length === 0 && source === 'user' && <p className="muted small">None yet. Open a built-in scenario and press Duplicate to make your own; they are saved in {userDir}.</p>}
              {packs.map((pack) => (
                <div key={pack}>
                  <div className="pack-head">
                    <span>{pack || '(no pack)'}</span>
                    {pack && (
                      <button onClick={() => void exportPack(source, pack)} title={`Export the ${pack} pack as a zip`} data-testid={`export-${source}-${pack}`}>
                        Export
                      </button>
                    )}
                  </div>
                  <ul>
                    {mine
                      .filter((f) => f.pack === pack)
                      .map((f) => (
                        <li key={f.file} className={f.problems.length ? 'invalid-file' : ''}>
                          <button
                            className={`file ${open?.source === source && open.file === f.file ? 'selected' : ''}`}
                            onClick={() => void select(source, f.file)}
                            data-testid="designer-file"
                            data-file={f.file}
                            title={f.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n') || f.file}
                          >
                            {f.title ?? f.file} {f.problems.length > 0 && <span className="badge">invalid · {f.problems.length}</span>}
                          </button>
                        </li>
                      ))}
                  </ul>
                </div>
              ))}
            </section>
          );
        })}
      </aside>

      <div className="editor-pane">
        {error && (
          <div className="banner error" role="alert" data-testid="designer-error">
            {error.split('\n').map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        )}
        {!open && <p className="empty">Pick a scenario file on the left to read it, check it and preview it.</p>}
        {open && (
          <>
            <div className="editor-toolbar">
              <span className="path" data-testid="open-file">
                {open.source === 'built-in' ? 'built-in' : 'yours'}: {open.file}
                {dirty && ' •'}
              </span>
              {!open.editable && <span className="badge">read-only</span>}
              {!open.editable && (
                <button className="primary" onClick={() => void duplicate()} data-testid="duplicate">
                  Duplicate to edit
                </button>
              )}
              {open.editable && (
                <button className="primary" onClick={() => void save()} disabled={!dirty} title="Ctrl+S" data-testid="save">
                  Save
                </button>
              )}
              <button onClick={() => void runExamples()} data-testid="run-examples">
                Run examples
              </button>
              <button onClick={tryIt} disabled={!scenario || dirty} title={dirty ? 'Save first' : scenario ? 'Practise this scenario now' : 'Fix the problems first'} data-testid="try-it">
                Try it
              </button>
              {open.editable && (
                <button onClick={() => void remove()} data-testid="delete">
                  Delete
                </button>
              )}
            </div>
            <YamlEditor key={`${open.source}:${open.file}`} initialText={open.saved} readOnly={!open.editable} problems={problems} onChange={setText} onSave={() => void save()} jump={jump} />
            <div data-testid="problems">
              {check === null && <p className="muted">Checking…</p>}
              {check !== null && problems.length === 0 && <p className="ok">No problems: this scenario is valid.</p>}
              {problems.length > 0 && (
                <ul className="problems">
                  {problems.map((p, i) => (
                    <li key={i} data-testid="problem" data-line={p.line}>
                      <button className="link" onClick={() => setJump({ line: p.line })}>
                        line {p.line}, column {p.col}: {p.message}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {examples && (
              <table className="examples" data-testid="example-results">
                <caption>
                  Examples: {examples.filter((r) => r.ok).length} of {examples.length} score as expected
                </caption>
                <thead>
                  <tr>
                    <th>Turn</th>
                    <th>Answer</th>
                    <th>Expected</th>
                    <th>Score</th>
                  </tr>
                </thead>
                <tbody>
                  {examples.map((r) => (
                    <tr key={`${r.turnId}-${r.example}`} className="static" data-testid="example-result" data-ok={r.ok}>
                      <td>{r.turnId}</td>
                      <td>{r.answer}</td>
                      <td>{r.expected}</td>
                      <td className={r.ok ? '' : 'bad'}>
                        {r.score} {r.ok ? '✓' : `✗ ${r.problem?.message ?? ''}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {scenario && (
              <div className="preview" data-testid="preview">
                <section>
                  <h3>{scenario.persona.name}</h3>
                  <p className="muted">
                    {scenario.persona.role} at {scenario.persona.company}
                  </p>
                  {scenario.persona.personality && <p>{scenario.persona.personality}</p>}
                  {scenario.persona.caresAbout && <p>Cares about: {scenario.persona.caresAbout}</p>}
                  <h4>Buyer lines</h4>
                  {voiceNote && <p className="muted small">{voiceNote}</p>}
                  <ol className="lines">
                    {scenario.turns.map((t) => (
                      <li key={t.id}>
                        <button className="link" onClick={() => void play(scenario.id, t.id, t.buyer, t.voice ?? scenario.persona.voice)} aria-label={`Play the line of turn ${t.id}`} data-testid="play-line">
                          ▶
                        </button>{' '}
                        <strong>{t.id}</strong>: {t.buyer} {t.audio && <span className="badge">clip: {t.audio}</span>} <span className="muted small">({t.criteria.map((c) => c.id).join(', ')})</span>
                      </li>
                    ))}
                  </ol>
                </section>
                <section>
                  <h3>Turn graph</h3>
                  <TurnGraph scenario={scenario} edges={check!.edges} />
                </section>
              </div>
            )}
          </>
        )}
      </div>
      {toast && (
        <div className="toast" role="status" data-testid="toast">
          {toast.message}
          {toast.undo && (
            <button
              onClick={() => {
                toast.undo!();
                setToast(null);
              }}
            >
              Undo
            </button>
          )}
        </div>
      )}
    </div>
  );
}
