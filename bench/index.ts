/**
 * `npm run bench`: prints JSON figures measured on this machine.
 *  - stop-to-feedback: from the rep's stop to the scored turn's "done" reaching the screen, for
 *    5-90 s answers, with a realistic-chain and an 80-token model, each with its breakdown, with
 *    one core kept busy, and whisper.cpp's own CLI beside it (bench/stop-to-feedback.ts);
 *  - storage: saving an attempt and listing attempts with 10,000 attempts stored;
 *  - scoring: text-analysis throughput (utterances per second) and scoring an 8-turn role-play;
 *  - queue: the review queue with 100,000 attempts stored (bench/queue.ts);
 *  - review: opening the attempt page of an 8-turn role-play of 90 s answers in headless Chromium,
 *    to the first paint of all 8 waveforms (bench/review.ts);
 *  - today: the rep's daily plan from 10,000 attempts, and the renderer's first-load JS (bench/today.ts);
 *  - team: 100,000 attempts in PostgreSQL: a manager's initial and incremental pull, a rep's push,
 *    stored MB per answer-minute, the queue on the local replica (bench/team.ts);
 *  - alerts: the coaching alerts inbox over 50 reps × 2,000 scored attempts (bench/alerts.ts).
 * Models are generated (random weights, real shapes): speed is real, words are not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../src-main/core/scoring/analyze';
import { loadRubricLibrary } from '../src-main/core/scoring/rubric-library';
import { summarizeRoleplay } from '../src-main/core/scoring/roleplay-summary';
import { scoreAnswer } from '../src-main/core/scoring/score-answer';
import { loadSet } from '../test/support/scoring-eval';
import { clearParseCache } from '../src-main/core/scoring/text/parse';
import { createCore } from '../src-main/core';
import { queueFigures } from './queue';
import { reviewFigures } from './review';
import { alertsFigures } from './alerts';
import { teamFigures } from './team';
import { todayFigures } from './today';
import { transcriptionFigures } from './stop-to-feedback';
import { GENERATED, ROOT, SCENARIOS, tempDir } from '../test/support/paths';
import { type TestModelShape, writeWhisperTestModel } from '../test/support/whisper-test-model';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const THREADS = 2;
const SENTENCES = [
  'I hear you on the price.',
  'Can you help me understand what you are comparing it with?',
  'Most teams like yours cut onboarding time by a third in the first quarter, which paid for the licence twice over.',
  'What would it mean for your drivers if the first week took two days instead of five?',
];
const ANSWER = SENTENCES.join(' ');

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

async function storageFigures() {
  const N = 10_000;
  const core = createCore({
    dataDir: tempDir('sparring-bench-db-'),
    builtInScenarioDirs: [SCENARIOS],
    appRoots: [ROOT],
  });
  const scenario = core.catalog.list().valid.find((s) => s.id === 'discovery-vague-buyer')!;
  const content = readFileSync(join(SCENARIOS, scenario.file), 'utf8');
  core.storage.attempts.recordScenarioVersion(scenario, content);
  const profile = core.storage.people.self();
  const words = ANSWER.split(' ').map((word, i) => ({ word, start: i * 0.4, end: i * 0.4 + 0.3 }));
  const transcript = { text: ANSWER, words };
  const score = scoreAnswer({ transcript, criteria: scenario.turns[0]!.criteria, library: core.catalog.library() });
  // One attempt as the app saves it: the attempt, two turns with transcript and score, closed.
  const saveOne = (i: number) =>
    core.storage.db.transaction(() => {
      const id = core.storage.attempts.createAttempt(
        profile.id,
        scenario,
        new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(),
      );
      for (const [index, t] of scenario.turns.entries()) {
        core.storage.turns.save(id, {
          index,
          turnId: t.id,
          buyerLine: t.buyer,
          audioPath: `audio/00/${String(i).padStart(64, '0')}.wav`,
          durationSeconds: 20,
          transcript,
          score,
        });
      }
      core.practice.finish(id);
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
    core.history.list({ limit: 50, offset: 0 });
    list.push(performance.now() - t0);
  }
  const deep: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    core.history.list({ limit: 50, offset: 9000 });
    deep.push(performance.now() - t0);
  }
  // The history filtered as a rep would: one scenario, complete, best first, a page further down.
  const filtered: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    core.history.list({ limit: 50, offset: 500, scenarioId: scenario.id, status: 'complete', sort: 'best' });
    filtered.push(performance.now() - t0);
  }
  const get: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    core.history.get(1 + ((i * 37) % N));
    get.push(performance.now() - t0);
  }
  core.close();
  return {
    attempts_stored: N,
    fill_seconds: round(fillSeconds, 2),
    save_attempt_ms: { median: round(median(save)), max: round(Math.max(...save)) },
    list_first_page_of_50_ms: { median: round(median(list)), max: round(Math.max(...list)) },
    list_page_at_offset_9000_ms: { median: round(median(deep)), max: round(Math.max(...deep)) },
    list_filtered_sorted_by_score_ms: { median: round(median(filtered)), max: round(Math.max(...filtered)) },
    get_attempt_ms: { median: round(median(get)), max: round(Math.max(...get)) },
  };
}

/** Analysis throughput on the labelled corpus, and scoring a whole 8-turn role-play. */
function scoringFigures() {
  const utterances = loadSet('development').map((u) => u.text);
  for (let i = 0; i < 2000; i++) analyzeText(utterances[i % utterances.length]!); // warm up the JIT
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    // Every utterance parsed afresh, as a new answer would be: no pass reuses the last pass's parses.
    if (i % utterances.length === 0) clearParseCache();
    analyzeText(utterances[i % utterances.length]!);
  }
  const analysisSeconds = (performance.now() - t0) / 1000;

  const library = loadRubricLibrary([join(SCENARIOS, 'rubrics')]);
  const criteria = [...library.criteria.keys()].map((id) => ({
    id,
    weight: 1,
    talkingPoints:
      id === 'talking-points' ? [{ id: 'p', label: 'onboarding', phrases: ['onboarding', 'ramp'] }] : undefined,
  }));
  // Eight answers of about 60 words each, with word timings, every criterion of the library on every turn.
  const answers = Array.from({ length: 8 }, (_, k) => {
    const text = Array.from({ length: 4 }, (_, j) => utterances[((k * 4 + j) * 7) % utterances.length]).join(' ');
    const words = text.split(' ').map((word, i) => ({ word, start: i * 0.4, end: i * 0.4 + 0.35 }));
    return { text, words };
  });
  const roleplay = () => {
    const turns = answers.map((transcript, index) => ({
      id: index,
      index,
      turnId: `t${index}`,
      buyerLine: 'The price is too high for us this year.',
      audioPath: null,
      durationSeconds: 25,
      transcript,
      score: scoreAnswer({ transcript, criteria, library }),
    }));
    return summarizeRoleplay(turns);
  };
  for (let i = 0; i < 50; i++) roleplay();
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    clearParseCache(); // each run scores answers never parsed before
    const t1 = performance.now();
    roleplay();
    times.push(performance.now() - t1);
  }
  // A 3-minute answer (about 500 words) and a 5,000-word one, as whisper writes speech with no
  // punctuation at all: one sentence, the worst case for finding questions by structure.
  const spoken = loadSet('development')
    .filter((u) => u.style === 'spoken')
    .map((u) => u.text);
  const runOn = (words: number) => {
    const parts: string[] = [];
    for (let n = 0, i = 0; n < words; i++) {
      const t = spoken[i % spoken.length]!.replace(/[.?!,]/g, '');
      parts.push(t);
      n += t.split(' ').length;
    }
    return parts.join(' ');
  };
  const longTimes = (text: string) =>
    Array.from({ length: 5 }, () => {
      clearParseCache();
      const t1 = performance.now();
      analyzeText(text);
      return performance.now() - t1;
    });
  return {
    analysis_utterances_per_second: Math.round(n / analysisSeconds),
    analysis_corpus_utterances: utterances.length,
    roleplay_8_turns_score_ms: { median: round(median(times)), max: round(Math.max(...times)) },
    roleplay_criteria_per_turn: criteria.length,
    unpunctuated_500_words_ms: round(median(longTimes(runOn(500)))),
    unpunctuated_5000_words_ms: round(median(longTimes(runOn(5000)))),
  };
}

/** BENCH_ONLY=storage, =queue, =review, =today, =team, =alerts, =transcription or =scoring runs one part. */
const only = process.env.BENCH_ONLY;
const started = Date.now();
const result = {
  machine: {
    cores: (await import('node:os')).cpus().length,
    cpu: (await import('node:os')).cpus()[0]?.model,
    node: process.version,
    whisper_threads: THREADS,
    runs: RUNS,
  },
  note:
    'Generated models (random weights, real tiny.en/base.en shapes): speed is real, recognition is not. Times in ' +
    'seconds unless _ms.',
  scoring: !only || only === 'scoring' ? scoringFigures() : undefined,
  transcription: !only || only === 'transcription' ? await transcriptionFigures() : undefined,
  storage: !only || only === 'storage' ? await storageFigures() : undefined,
  queue: !only || only === 'queue' ? queueFigures() : undefined,
  review: !only || only === 'review' ? await reviewFigures(modelPath('tiny.en')) : undefined,
  today: !only || only === 'today' ? todayFigures() : undefined,
  team: !only || only === 'team' ? await teamFigures() : undefined,
  alerts: !only || only === 'alerts' ? alertsFigures() : undefined,
  bench_seconds: round((Date.now() - started) / 1000, 1),
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
