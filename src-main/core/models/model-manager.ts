import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppEvent, ModelChoice, ModelSettings } from '../domain';
import { SparringError } from '../errors';
import { readSettings, writeSettings } from '../settings';
import { checkModelFile } from './model-file-check';
import { downloadModel, MODEL_CATALOG } from './model-download';
import { KNOWN_MODELS, type KnownModel, locateModel, modelFileName, modelsDir } from './model-location';
import measured from './measured-speeds.json';

/**
 * The settings page's side of speech models: which exist, which is in use, downloads in the
 * background with progress events (resumable, checksummed: model-download.ts), and choosing a
 * downloaded model or any model file on disk.
 */
export class ModelManager {
  private readonly downloads = new Map<KnownModel, AbortController>();

  constructor(
    private readonly dataDir: string,
    private readonly explicitModel: string | null | undefined,
    private readonly emit: (event: AppEvent) => void,
    /** A mirror to download from (null: the standard host). */
    private readonly baseUrl: string | null = null,
  ) {}

  private path(name: KnownModel): string {
    return resolve(modelsDir(this.dataDir), modelFileName(name));
  }

  settings(): ModelSettings {
    const active = locateModel(this.dataDir, this.explicitModel);
    const activePath = active ? resolve(active) : null;
    const models: ModelChoice[] = KNOWN_MODELS.map((name) => {
      const partial = `${this.path(name)}.partial`;
      const speed =
        (measured as Record<string, { answer10s: number; answer60s: number; machine: string } | undefined>)[name] ??
        null;
      return {
        name,
        approxMb: Math.round(MODEL_CATALOG[name].approxBytes / 1e6),
        note: MODEL_CATALOG[name].note,
        measured: speed,
        downloaded: existsSync(this.path(name)),
        partialBytes: existsSync(partial) ? statSync(partial).size : 0,
        active: activePath === this.path(name),
        downloading: this.downloads.has(name),
      };
    });
    const isDownloaded = models.some((m) => m.active);
    return {
      models,
      activePath,
      customPath: activePath && !isDownloaded ? activePath : null,
      pinnedByEnvironment: Boolean(this.explicitModel),
    };
  }

  /**
   * Starts (or resumes) a download in the background; progress, the end and any failure arrive
   * as 'model.download' events. When it completes and no model was in use, it becomes the model.
   */
  download(name: KnownModel): ModelSettings {
    if (this.downloads.has(name)) return this.settings();
    const controller = new AbortController();
    this.downloads.set(name, controller);
    let last = 0;
    const hadModel = locateModel(this.dataDir, this.explicitModel) !== null;
    const progress = (
      state: 'downloading' | 'done' | 'failed' | 'cancelled',
      receivedBytes: number,
      totalBytes: number | null,
      message?: string,
    ) => this.emit({ type: 'model.download', name, state, receivedBytes, totalBytes, ...(message && { message }) });
    void downloadModel({
      name,
      destDir: modelsDir(this.dataDir),
      baseUrl: this.baseUrl ?? undefined,
      signal: controller.signal,
      onProgress: (p) => {
        // At most ten updates a second: enough for a smooth bar, not a flood of events.
        if (Date.now() - last < 100) return;
        last = Date.now();
        progress('downloading', p.receivedBytes, p.totalBytes);
      },
    }).then(
      (result) => {
        this.downloads.delete(name);
        if (!hadModel) writeSettings(this.dataDir, { ...readSettings(this.dataDir), modelPath: result.path });
        progress('done', result.bytes, result.bytes);
      },
      (error: Error & { code?: string }) => {
        this.downloads.delete(name);
        progress(error.code === 'download_cancelled' ? 'cancelled' : 'failed', 0, null, error.message);
      },
    );
    return this.settings();
  }

  cancel(name: KnownModel): ModelSettings {
    this.downloads.get(name)?.abort();
    return this.settings();
  }

  /** Uses a downloaded model, or any whisper.cpp model file (checked before it is accepted). */
  use(choice: { name: KnownModel } | { path: string }): ModelSettings {
    const path = 'name' in choice ? this.path(choice.name) : resolve(choice.path);
    if (!existsSync(path)) {
      throw new SparringError(
        'model_missing',
        'name' in choice ? `${choice.name} is not downloaded yet: download it first.` : `There is no file at ${path}.`,
      );
    }
    // Only a regular file is opened: a FIFO would block every call waiting for a writer, a
    // folder or a device says nothing useful. stat follows a link to what it names.
    const stat = statSync(path);
    if (!stat.isFile())
      throw new SparringError(
        'model_not_a_file',
        `${path} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}: choose the model's .bin file itself.`,
      );
    const check = checkModelFile(path);
    if (!check.ok)
      throw new SparringError('model_invalid', `${path} cannot be used as a speech model: ${check.reason}.`);
    writeSettings(this.dataDir, { ...readSettings(this.dataDir), modelPath: path });
    return this.settings();
  }

  /** Stops downloads (closing the app): the partial files stay and resume next time. */
  close(): void {
    for (const c of this.downloads.values()) c.abort();
  }
}
