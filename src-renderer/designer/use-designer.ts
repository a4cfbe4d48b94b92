import { useCallback, useEffect, useState } from 'react';
import type { ExampleResult, ScenarioCheck, ScenarioFileEntry } from '../../src-main/core/domain';
import { api } from '../api';
import { useApp } from '../store';
import { downloadZip } from '../transfer/download';

export type Source = ScenarioFileEntry['source'];

export interface OpenFile {
  source: Source;
  file: string;
  editable: boolean;
  /** The text as saved on disk; the editor's text differs while there are unsaved changes. */
  saved: string;
}

// Long enough not to re-check on every keystroke, short enough that problems feel live.
const CHECK_DELAY_MS = 250;

/**
 * The designer's state and everything it can do with it. Actions are plain functions made afresh
 * each render rather than memoised: each reads the state of the render it came from, and the delete
 * toast's undo keeps the ones from when Delete was pressed.
 */
export function useDesigner() {
  const go = useApp((s) => s.go);
  const [files, setFiles] = useState<ScenarioFileEntry[] | null>(null);
  const [userDir, setUserDir] = useState('');
  const [open, setOpen] = useState<OpenFile | null>(null);
  const [text, setText] = useState('');
  const [check, setCheck] = useState<ScenarioCheck | null>(null);
  const [examples, setExamples] = useState<ExampleResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The app's one toast (with Undo), so a notice outlives this screen.
  const setToast = useApp((s) => s.showToast);
  const [jump, setJump] = useState<{ line: number } | null>(null);
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

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      api.designer
        .check({ source: open.source, file: open.file, text })
        .then(setCheck, (e: Error) => setError(e.message));
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, text]);

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

  /** Runs an action with the error banner cleared first and showing whatever it throws. */
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
      const count = result.problems.length;
      setToast({ message: count ? `Saved with ${count} problem(s): it is listed as invalid until fixed.` : 'Saved.' });
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
      // A text that could not be run has no scenario to preview: its problems take the last check's place.
      setCheck((c) => (run.problems.length ? { scenario: null, edges: [], problems: run.problems } : c));
      setExamples(run.results);
    });

  const tryIt = () => {
    if (check?.scenario) go({ name: 'practice', startScenarioId: check.scenario.id });
  };

  const exportPack = (source: Source, pack: string) =>
    act(async () => {
      const { fileName } = downloadZip(await api.designer.exportPack({ source, pack }));
      setToast({ message: `Exported ${fileName}.` });
    });

  const publishPack = (pack: string) =>
    act(async () => {
      const { version } = await api.team.publishPack({ pack });
      setToast({ message: `Published ${pack} as version ${version}: every rep gets it on their next sync.` });
    });

  const importPack = (file: File) =>
    act(async () => {
      const zip = new Uint8Array(await file.arrayBuffer());
      const result = await api.designer.importPack({ fileName: file.name, zip });
      await refresh();
      setToast({ message: `Imported pack "${result.pack}": ${result.scenarioIds.join(', ')}.` });
    });

  return {
    files,
    userDir,
    open,
    check,
    examples,
    error,
    jump,
    dirty,
    setText,
    setJump,
    select,
    save,
    duplicate,
    remove,
    runExamples,
    tryIt,
    exportPack,
    publishPack,
    importPack,
  };
}
