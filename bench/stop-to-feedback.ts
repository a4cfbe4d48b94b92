/**
 * Stop → feedback, as the rep lives it: an espeak answer with the pauses a speaker leaves is fed to
 * core in 250 ms chunks at speaking pace (live transcription works meanwhile), the rep stops, and
 * the clock runs until the "done" event reaches a screen (the browser bridge's WebSocket, as the
 * UI receives it). Each figure comes with where the time went.
 *
 * Two generated models per shape (random weights, real shapes: the speed is real, the words are
 * not): "realistic" writes as many words as a real model would for the tail (3.5 per second of
 * speech), "80-token" writes 80 words in every segment (an upper bound). Beside them whisper.cpp's
 * own CLI on the same file with the same model (beam 5, and greedy like the app), and the same
 * answer with one of the two cores kept busy by another program (a bounded CPU loop).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { wavHeader } from '../src-main/core/audio/wav';
import { createCore } from '../src-main/core';
import type { StopTimings } from '../src-main/core/practice/recording-service';
import { PauseSegmenter } from '../src-main/core/transcription/pause-segmenter';
import { startWebBridge } from '../src-main/web/server';
import { pcmOf } from '../test/support/answer-audio';
import { GENERATED, ROOT, SCENARIOS, tempDir, WHISPER_MAIN } from '../test/support/paths';
import { makeSpeechWav } from '../test/support/speech';
import {
  realisticChainWords,
  TEST_MODEL_WORDS,
  TOKENS_PER_SPEECH_SECOND,
  type TestModelShape,
  writeWhisperTestModel,
} from '../test/support/whisper-test-model';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const LENGTHS = (process.env.BENCH_LENGTHS ?? '5,10,30,60,90').split(',').map(Number);
const SHAPES = (process.env.BENCH_MODELS ?? 'tiny.en,base.en').split(',') as TestModelShape[];
/** Which answers also run with one core kept busy: "realistic" (default), "all" or "none". */
const LOADED = process.env.BENCH_LOADED ?? 'realistic';
const THREADS = 2;
const CHUNK_SECONDS = 0.25;
const SENTENCES = [
  'I hear you on the price.',
  'Can you help me understand what you are comparing it with?',
  'Most teams like yours cut onboarding time by a third in the first quarter, which paid for the licence twice over.',
  'What would it mean for your drivers if the first week took two days instead of five?',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 3) => Number(x.toFixed(d));
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An espeak answer of exactly `seconds`: the sentences in turn, with the 0.7 s pauses a speaker
 * leaves between thoughts (espeak's own pauses between sentences are shorter).
 */
function answerWav(seconds: number): string {
  const out = join(GENERATED, `bench-answer-${seconds}s-paused.wav`);
  if (existsSync(out)) return out;
  const parts = SENTENCES.map((s, i) => pcmOf(makeSpeechWav(s, join(GENERATED, `bench-sentence-${i}.wav`))));
  const pause = Buffer.alloc(0.7 * 16000 * 2);
  const want = seconds * 16000 * 2;
  const pieces: Buffer[] = [];
  for (let i = 0, total = 0; total < want; i++) {
    const piece = Buffer.concat([parts[i % parts.length]!, pause]);
    pieces.push(piece);
    total += piece.length;
  }
  const pcm = Buffer.concat(pieces).subarray(0, want);
  writeFileSync(out, Buffer.concat([wavHeader(pcm.length, { sampleRate: 16000, channels: 1 }), pcm]));
  return out;
}

/** The tail the rep waits for: the audio after the segmenter's last cut, fed as core feeds it. */
function tailSecondsOf(pcm: Buffer): number {
  const segmenter = new PauseSegmenter();
  const bytes = CHUNK_SECONDS * 16000 * 2;
  for (let off = 0; off < pcm.length; off += bytes) {
    const chunk = pcm.subarray(off, off + bytes);
    const samples = new Int16Array(chunk.byteLength >> 1);
    new Uint8Array(samples.buffer).set(chunk.subarray(0, samples.byteLength));
    segmenter.push(samples);
  }
  return pcm.length / 2 / 16000 - (segmenter.cuts.at(-1) ?? 0) / 16000;
}

/** Peak resident memory (MB) of a process, from Linux's /proc (null elsewhere). */
export function peakMb(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** whisper.cpp's own CLI on the whole file (model load included), and its peak memory. */
async function plainCli(
  model: string,
  wav: string,
  extra: string[] = [],
): Promise<{ seconds: number; peakMb: number | null }> {
  const t0 = performance.now();
  const child = spawn(WHISPER_MAIN, ['-m', model, '-f', wav, '-t', String(THREADS), '-l', 'en', ...extra], {
    stdio: 'ignore',
  });
  let peak: number | null = null;
  const poll = setInterval(() => (peak = Math.max(peak ?? 0, peakMb(child.pid ?? null) ?? 0)), 50);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(poll);
  if (code !== 0) throw new Error(`whisper.cpp main failed on ${wav}`);
  return { seconds: (performance.now() - t0) / 1000, peakMb: peak };
}

/** Another program keeping one core busy: a CPU loop that ends by itself after `seconds`. */
function busyCore(seconds: number): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-e', `const end = Date.now() + ${Math.round(seconds * 1000)}; while (Date.now() < end) {}`],
    { stdio: 'ignore' },
  );
  child.unref();
  return child;
}

/** A core with its browser bridge, and a WebSocket listening to its events as the UI does. */
async function coreWithScreen(model: string, live: boolean) {
  const core = createCore({
    dataDir: tempDir('sparring-bench-'),
    builtInScenarioDirs: [SCENARIOS],
    appRoots: [ROOT],
    modelPath: model,
    transcription: { threads: THREADS, live },
  });
  const bridge = await startWebBridge({ core, staticDir: join(ROOT, 'out', 'renderer'), version: 'bench' });
  const origin = `http://127.0.0.1:${bridge.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=${bridge.token}`, { origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const waiting = new Map<string, (at: number) => void>();
  ws.on('message', (data) => {
    const at = performance.now();
    const e = JSON.parse(String(data)) as { type: string; attemptId: number; step: number; stage?: string };
    if (e.type === 'turn.stage' && e.stage === 'done') waiting.get(`${e.attemptId}:${e.step}`)?.(at);
  });
  return {
    core,
    /** Resolves with the time the step's "done" reaches the screen. */
    doneOnScreen: (attemptId: number, step: number) =>
      new Promise<number>((resolve) => waiting.set(`${attemptId}:${step}`, resolve)),
    close: async () => {
      ws.close();
      await bridge.close();
      core.close();
    },
  };
}

/**
 * Records an answer through core as the app does (chunks appended as they are spoken), stops, and
 * times until the scored turn's "done" event reaches the screen.
 */
async function stopToFeedback(screen: Awaited<ReturnType<typeof coreWithScreen>>, pcm: Buffer) {
  const { core } = screen;
  const { attemptId } = core.practice.start('price-objection');
  const { recordingId } = core.recording.start(attemptId, 0);
  const bytes = CHUNK_SECONDS * 16000 * 2;
  const start = performance.now();
  let seq = 0;
  for (let off = 0; off < pcm.length; off += bytes) {
    core.recording.append(recordingId, seq++, pcm.subarray(off, off + bytes));
    await sleep(Math.max(0, start + seq * CHUNK_SECONDS * 1000 - performance.now()));
  }
  const onScreen = screen.doneOnScreen(attemptId, 0);
  const t0 = performance.now();
  const { turn, timings } = await core.recording.finish(recordingId);
  const screenAt = await onScreen;
  if (!turn.score) throw new Error('no score');
  core.practice.finish(attemptId);
  return { seconds: (screenAt - t0) / 1000, timings, eventMs: screenAt - t0 - timings.totalMs };
}

/** The median run's breakdown, in ms. */
function breakdown(t: StopTimings, eventMs: number) {
  const live = t.live;
  return {
    save_ms: round(t.saveMs, 1),
    wait_for_segments_in_flight_ms: live ? round(live.waitForSegmentsMs, 1) : null,
    segments: live?.segments ?? null,
    tail_seconds: live ? round(live.tailSeconds, 2) : null,
    tail_threads: live?.tail?.threads ?? null,
    tail_encode_ms: live?.tail ? round(live.tail.encodeMs, 1) : null,
    tail_decode_ms: live?.tail ? round(live.tail.decodeMs, 1) : null,
    tail_run_ms: live?.tail ? round(live.tail.runMs, 1) : null,
    join_ms: live ? round(live.joinMs, 2) : null,
    transcribed_after_stop_ms: round(t.transcribedMs, 1),
    scoring_ms: round(t.scoringMs, 2),
    database_write_ms: round(t.storeMs, 2),
    event_to_screen_ms: round(eventMs, 2),
  };
}

async function measure(screen: Awaited<ReturnType<typeof coreWithScreen>>, pcm: Buffer, loaded: boolean) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const loop = loaded ? busyCore(pcm.length / 32000 + 60) : null;
    if (loop) await sleep(500); // the other program is running before the rep starts
    try {
      runs.push(await stopToFeedback(screen, pcm));
    } finally {
      loop?.kill('SIGKILL');
    }
  }
  const mid = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  return {
    median_s: round(mid.seconds),
    min_s: round(Math.min(...runs.map((r) => r.seconds))),
    breakdown: breakdown(mid.timings, mid.eventMs),
  };
}

/** A generated model writing `words` words per segment, in a temporary file. */
function modelFile(shape: TestModelShape, words: number): string {
  const path = join(tempDir('sparring-bench-model-'), `ggml-${shape}-${words}w.bin`);
  writeWhisperTestModel(path, shape, { words });
  // Writing it left ~150 MB of garbage; collected now (npm run bench exposes gc), not in a measured scoring step.
  (globalThis as { gc?: () => void }).gc?.();
  return path;
}

export async function transcriptionFigures() {
  const rows = [];
  for (const shape of SHAPES) {
    for (const seconds of LENGTHS) {
      const wav = answerWav(seconds);
      const pcm = pcmOf(wav);
      const tail = tailSecondsOf(pcm);
      const variants = [
        { chain: 'realistic', words: realisticChainWords(tail) },
        { chain: '80-token', words: TEST_MODEL_WORDS.length },
      ];
      for (const { chain, words } of variants) {
        const model = modelFile(shape, words);
        const screen = await coreWithScreen(model, true);
        try {
          const unloaded = await measure(screen, pcm, false);
          const workerPeak = peakMb(screen.core.transcriber.workerPid);
          const withLoad =
            LOADED === 'all' || (LOADED === 'realistic' && chain === 'realistic')
              ? await measure(screen, pcm, true)
              : null;
          const cli: number[] = [];
          const greedy: number[] = [];
          let cliPeak: number | null = null;
          for (let i = 0; i < RUNS; i++) {
            const c = await plainCli(model, wav);
            cli.push(c.seconds);
            cliPeak = Math.max(cliPeak ?? 0, c.peakMb ?? 0) || null;
            greedy.push((await plainCli(model, wav, ['-bs', '1'])).seconds);
          }
          const row = {
            model: shape,
            chain,
            words_per_segment: words,
            answer_seconds: seconds,
            stop_to_feedback_s: unloaded.median_s,
            stop_to_feedback_min_s: unloaded.min_s,
            breakdown: unloaded.breakdown,
            one_core_busy: withLoad
              ? {
                  stop_to_feedback_s: withLoad.median_s,
                  ratio_to_unloaded: round(withLoad.median_s / unloaded.median_s, 2),
                  breakdown: withLoad.breakdown,
                }
              : null,
            plain_cli_s: round(median(cli)),
            plain_cli_greedy_s: round(median(greedy)),
            ratio_to_cli: round(unloaded.median_s / median(cli), 2),
            ratio_to_cli_greedy: round(unloaded.median_s / median(greedy), 2),
            peak_memory_mb: { whisper_worker: workerPeak, plain_cli: cliPeak },
          };
          log(JSON.stringify(row));
          rows.push(row);
        } finally {
          await screen.close();
          rmSync(model, { force: true });
        }
      }
    }
  }
  recordSpeeds(rows.filter((r) => r.chain === 'realistic'));
  return {
    chunk_seconds: CHUNK_SECONDS,
    tokens_per_speech_second: TOKENS_PER_SPEECH_SECOND,
    cores: cpus().length,
    rows,
  };
}

/**
 * The settings page shows each model's measured speed: the stop-to-feedback medians for 10 s and
 * 60 s answers (realistic chain) are written to src-main/core/models/measured-speeds.json when both were measured.
 */
function recordSpeeds(rows: { model: string; answer_seconds: number; stop_to_feedback_s: number }[]) {
  const file = join(ROOT, 'src-main/core/models/measured-speeds.json');
  const speeds = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const machine = `npm run bench, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}`;
  for (const model of new Set(rows.map((r) => r.model))) {
    const at = (s: number) => rows.find((r) => r.model === model && r.answer_seconds === s)?.stop_to_feedback_s;
    if (at(10) !== undefined && at(60) !== undefined) speeds[model] = { answer10s: at(10), answer60s: at(60), machine };
  }
  writeFileSync(file, JSON.stringify(speeds, null, 2) + '\n');
}
