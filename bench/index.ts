/**
 * `npm run bench`: prints JSON figures measured on this machine.
 *  - stop-to-feedback: from the rep's stop (the last chunk is on disk) to the scored turn being
 *    stored, through core exactly as the app runs it, for 10, 30 and 60 s espeak answers, next to
 *    whisper.cpp's own CLI (`main`, same model, threads and beam) on the same file, as a ratio;
 *  - storage: saving an attempt and listing attempts with 10,000 attempts stored;
 *  - scoring: text-analysis throughput (utterances per second) and scoring an 8-turn role-play.
 * Models are generated (random weights, real shapes): speed is real, words are not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWavInfo } from '../src-main/core/audio/wav';
import { analyzeText } from '../src-main/core/scoring/analyze';
import { loadRubricLibrary } from '../src-main/core/scoring/rubric-library';
import { summarizeRoleplay } from '../src-main/core/scoring/roleplay-summary';
import { scoreAnswer } from '../src-main/core/scoring/score-answer';
import { loadCorpus } from '../test/support/scoring-eval';
import { SparringCore } from '../src-main/core/sparring-core';
import { makeSpeechWav } from '../test/support/speech';
import { GENERATED, ROOT, SCENARIOS, tempDir, WHISPER_MAIN } from '../test/support/paths';
import { type TestModelShape, writeWhisperTestModel } from '../test/support/whisper-test-model';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LENGTHS = (process.env.BENCH_LENGTHS ?? '10,30,60').split(',').map(Number);
const SHAPES = (process.env.BENCH_MODELS ?? 'tiny.en,base.en').split(',') as TestModelShape[];
const THREADS = 2;
const ANSWER =
  'I hear you on the price. Can you help me understand what you are comparing it with? ' +
  'Most teams like yours cut onboarding time by a third in the first quarter, which paid for the licence twice over. ' +
  'What would it mean for your drivers if the first week took two days instead of five?';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 3) => Number(x.toFixed(d));
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

function modelPath(shape: TestModelShape): string {
  const p = join(GENERATED, `ggml-${shape}-test.bin`);
  if (!existsSync(p)) {
    log(`generating ${shape}-shaped test model`);
    writeWhisperTestModel(p, shape);
  }
  return p;
}

/** Feeds a WAV through core as the app does (chunks appended to disk), then times finishRecording. */
async function stopToFeedback(core: SparringCore, wav: string): Promise<number> {
  const buf = readFileSync(wav);
  const info = readWavInfo(buf);
  const pcm = buf.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
  const { attemptId } = core.startAttempt('price-objection');
  const { recordingId } = core.startRecording(attemptId, 0);
  let seq = 0;
  for (let off = 0; off < pcm.length; off += 8000) core.appendAudio(recordingId, seq++, pcm.subarray(off, off + 8000));
  const t0 = performance.now();
  const turn = await core.finishRecording(recordingId);
  const ms = performance.now() - t0;
  if (!turn.score) throw new Error('no score');
  return ms / 1000;
}

function plainCli(model: string, wav: string): number {
  const t0 = performance.now();
  const r = spawnSync(WHISPER_MAIN, ['-m', model, '-f', wav, '-t', String(THREADS), '-l', 'en'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`whisper.cpp main failed on ${wav}`);
  return (performance.now() - t0) / 1000;
}

async function transcriptionFigures() {
  const rows = [];
  for (const shape of SHAPES) {
    const model = modelPath(shape);
    const core = new SparringCore({ dataDir: tempDir('sparring-bench-'), builtInScenarioDirs: [SCENARIOS], appRoots: [ROOT], modelPath: model, whisperThreads: THREADS });
    for (const seconds of LENGTHS) {
      const wav = makeSpeechWav(ANSWER, join(GENERATED, `bench-answer-${seconds}s.wav`), { minSeconds: seconds });
      const ours: number[] = [];
      const cli: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await stopToFeedback(core, wav));
        cli.push(plainCli(model, wav));
      }
      const row = {
        model: shape,
        answer_seconds: seconds,
        stop_to_feedback_s: { median: round(median(ours)), min: round(Math.min(...ours)) },
        plain_cli_s: { median: round(median(cli)), min: round(Math.min(...cli)) },
        ratio_to_cli: round(median(ours) / median(cli), 2),
        real_time_factor: round(median(ours) / seconds, 3),
      };
      log(JSON.stringify(row));
      rows.push(row);
    }
    core.close();
  }
  return rows;
}

async function storageFigures() {
  const N = 10_000;
  const core = new SparringCore({ dataDir: tempDir('sparring-bench-db-'), builtInScenarioDirs: [SCENARIOS], appRoots: [ROOT] });
  const scenario = core.listScenarios().valid.find((s) => s.id === 'discovery-vague-buyer')!;
  const content = readFileSync(join(SCENARIOS, scenario.file), 'utf8');
  core.attempts.recordScenarioVersion(scenario, content);
  const profile = core.attempts.ensureProfile();
  const words = ANSWER.split(' ').map((word, i) => ({ word, start: i * 0.4, end: i * 0.4 + 0.3 }));
  const transcript = { text: ANSWER, words };
  const score = scoreAnswer({ transcript, criteria: scenario.turns[0]!.criteria, library: core.rubricLibrary() });
  // One attempt as the app saves it: the attempt, two turns with transcript and score, closed.
  const saveOne = (i: number) =>
    core.db.transaction(() => {
      const id = core.attempts.createAttempt(profile.id, scenario, new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString());
      for (const [index, t] of scenario.turns.entries()) {
        core.attempts.saveTurn(id, { index, turnId: t.id, buyerLine: t.buyer, audioPath: `audio/00/${String(i).padStart(64, '0')}.wav`, durationSeconds: 20, transcript, score });
      }
      core.attempts.finishAttempt(id);
    })();
  const fill0 = performance.now();
  for (let i = 0; i < N; i++) saveOne(i);
  const fillSeconds = (performance.now() - fill0) / 1000;
  const save: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    saveOne(N + i);
    save.push(performance.now() - t0);
  }
  const list: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    core.listAttempts(50, 0);
    list.push(performance.now() - t0);
  }
  const deep: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    core.listAttempts(50, 9000);
    deep.push(performance.now() - t0);
  }
  const get: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    core.getAttempt(1 + ((i * 37) % N));
    get.push(performance.now() - t0);
  }
  core.close();
  return {
    attempts_stored: N,
    fill_seconds: round(fillSeconds, 2),
    save_attempt_ms: { median: round(median(save)), max: round(Math.max(...save)) },
    list_first_page_of_50_ms: { median: round(median(list)), max: round(Math.max(...list)) },
    list_page_at_offset_9000_ms: { median: round(median(deep)), max: round(Math.max(...deep)) },
    get_attempt_ms: { median: round(median(get)), max: round(Math.max(...get)) },
  };
}

/** Analysis throughput on the labelled corpus, and scoring a whole 8-turn role-play. */
function scoringFigures() {
  const utterances = loadCorpus().map((u) => u.text);
  for (let i = 0; i < 2000; i++) analyzeText(utterances[i % utterances.length]!); // warm up the JIT
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) analyzeText(utterances[i % utterances.length]!);
  const analysisSeconds = (performance.now() - t0) / 1000;

  const library = loadRubricLibrary([join(SCENARIOS, 'rubrics')]);
  const criteria = [...library.criteria.keys()].map((id) => ({ id, weight: 1, talkingPoints: id === 'talking-points' ? [{ id: 'p', label: 'onboarding', phrases: ['onboarding', 'ramp'] }] : undefined }));
  // Eight answers of about 60 words each, with word timings, every criterion of the library on every turn.
  const answers = Array.from({ length: 8 }, (_, k) => {
    const text = Array.from({ length: 4 }, (_, j) => utterances[(k * 4 + j) * 7 % utterances.length]).join(' ');
    const words = text.split(' ').map((word, i) => ({ word, start: i * 0.4, end: i * 0.4 + 0.35 }));
    return { text, words };
  });
  const roleplay = () => {
    const turns = answers.map((transcript, index) => ({
      id: index, index, turnId: `t${index}`, buyerLine: 'The price is too high for us this year.', audioPath: null, durationSeconds: 25, transcript,
      score: scoreAnswer({ transcript, criteria, library }),
    }));
    return summarizeRoleplay(turns);
  };
  for (let i = 0; i < 50; i++) roleplay();
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t1 = performance.now();
    roleplay();
    times.push(performance.now() - t1);
  }
  return {
    analysis_utterances_per_second: Math.round(n / analysisSeconds),
    analysis_corpus_utterances: utterances.length,
    roleplay_8_turns_score_ms: { median: round(median(times)), max: round(Math.max(...times)) },
    roleplay_criteria_per_turn: criteria.length,
  };
}

/** BENCH_ONLY=storage, =transcription or =scoring runs one part. */
const only = process.env.BENCH_ONLY;
const started = Date.now();
const result = {
  machine: { cores: (await import('node:os')).cpus().length, node: process.version, whisper_threads: THREADS, runs: RUNS },
  note: 'Generated models (random weights, real tiny.en/base.en shapes): speed is real, recognition is not. Times in seconds unless _ms.',
  scoring: !only || only === 'scoring' ? scoringFigures() : undefined,
  transcription: !only || only === 'transcription' ? await transcriptionFigures() : undefined,
  storage: !only || only === 'storage' ? await storageFigures() : undefined,
  bench_seconds: round((Date.now() - started) / 1000, 1),
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
