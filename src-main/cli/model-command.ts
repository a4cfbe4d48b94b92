/** `model download` and `model status`. */
import { parseArgs } from 'node:util';
import { downloadModel, KNOWN_MODELS, type KnownModel, MODEL_CATALOG, modelsDir } from '../core';
import { progressPrinter } from './progress-bar';
import { dataDir, UsageError, withApi } from './cli-context';

export async function model(args: string[]) {
  const [sub, ...rest] = args;
  if (sub === 'status') {
    const status = await withApi(undefined, (api) => api.model.status());
    console.log(`model:       ${status.modelPath ?? 'none (run: sparring model download base.en)'}`);
    console.log(`whisper.cpp: ${status.binaryPath}`);
    if (status.problem) console.log(`problem:     ${status.problem}`);
    return;
  }
  if (sub !== 'download') throw new UsageError('model takes "download <name>" or "status".');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { dir: { type: 'string' } },
  });
  const name = positionals[0] as KnownModel | undefined;
  if (!name || !KNOWN_MODELS.includes(name))
    throw new UsageError(
      `Name a model to download: ${KNOWN_MODELS.map((m) => `${m} (${MODEL_CATALOG[m].note})`).join(', ')}.`,
    );
  const destDir = values.dir ?? modelsDir(dataDir);
  const bar = progressPrinter(`ggml-${name}.bin`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const result = await downloadModel({
    name,
    destDir,
    baseUrl: process.env.SPARRING_MODEL_BASE_URL || undefined,
    signal: controller.signal,
    onProgress: (p) => bar.update(p.receivedBytes, p.totalBytes),
  });
  bar.done();
  console.log(
    `Saved ${result.path} (${(result.bytes / 1e6).toFixed(1)} MB, checksum ` +
      `verified${result.resumedFrom ? `, resumed from ${(result.resumedFrom / 1e6).toFixed(1)} MB` : ''}).`,
  );
}
