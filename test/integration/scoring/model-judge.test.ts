/**
 * Model-graded checks end to end: core with real SQLite and whisper.cpp, and a local
 * OpenAI-compatible server started here that plays the model. Deterministic scores never wait.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import type { AppEvent as CoreEvent } from '../../../src-main/core';
import { makeCore } from '../../support/core';
import { locateQuote } from '../../../src-main/core/scoring/model-judge';
import { SCENARIOS, speechWav, TINY_MODEL, tempDir } from '../../support/paths';

type Reply = (body: {
  model: string;
  temperature: number;
  response_format: { type: string };
  messages: { content: string }[];
}) => unknown | 'hang';
let reply: Reply = () => ({});
const requests: unknown[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ url: req.url, body });
      const content = reply(body);
      if (content === 'hang') return; // never answers: the client must time out
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [
            { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(content) } },
          ],
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

/** A scenario folder whose one turn uses the model-graded criterion next to a deterministic one. */
function scenarioDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'tests'));
  writeFileSync(
    join(dir, 'tests', 'judged.yaml'),
    'id: judged\ntitle: Judged\npersona: {name: A, role: B, company: C}\nturns:\n  - id: t1\n    buyer: "It is too ' +
      'expensive."\n    criteria: [acknowledge-objection, restates-concern]\n',
  );
  return dir;
}

async function answerOnce(timeoutMs = 5000) {
  const events: CoreEvent[] = [];
  const core = makeCore(tempDir(), {
    builtInScenarioDirs: [SCENARIOS, scenarioDir()],
    modelPath: TINY_MODEL,
    judge: { baseUrl, model: 'test-judge', timeoutMs, maxRetries: 0 },
  });
  core.events.on((e) => events.push(e));
  const { attemptId } = core.practice.start('judged');
  const { recordingId } = core.recording.start(attemptId, 0);
  const buf = readFileSync(speechWav('short-answer'));
  const info = readWavInfo(buf);
  core.recording.append(recordingId, 0, buf.subarray(info.dataOffset, info.dataOffset + info.dataBytes));
  const immediate = (await core.recording.finish(recordingId)).turn;
  await core.settled();
  const judged = core.history.get(attemptId).turns[0]!;
  core.close();
  return { immediate, judged, events };
}

const restated = (turn: { score: { criteria: { id: string; checks: unknown[] }[] } | null }) =>
  turn.score!.criteria.find((c) => c.id === 'restates-concern')! as unknown as {
    score: number | null;
    evidence: { text: string; audioStart?: number }[];
    checks: { passed: boolean | null; detail: string; judge: { status: string } }[];
  };

describe('model-graded checks', () => {
  it(
    'scores a "yes" whose quote is in the transcript, with the quote as evidence; asks at temperature 0 for ' + 'JSON',
    async () => {
      reply = () => ({
        checks: [
          { id: 'restates-concern/restated', answer: 'yes', quote: 'I completely understand the concern about price' },
        ],
      });
      requests.length = 0;
      const { immediate, judged, events } = await answerOnce();
      // The deterministic score came back first, with the model-graded check still waiting.
      expect(restated(immediate).checks[0]!.judge.status).toBe('pending');
      expect(immediate.score!.criteria.find((c) => c.id === 'acknowledge-objection')!.score).toBe(100);
      const c = restated(judged);
      expect(c.score).toBe(100);
      expect(c.checks[0]).toMatchObject({ passed: true, judge: { status: 'answered' } });
      expect(c.evidence[0]!.text).toBe('I completely understand the concern about price');
      expect(c.evidence[0]!.audioStart).toEqual(expect.any(Number));
      const { marks: _marks, ...judgedTurn } = judged; // the attempt page's view adds waveform marks
      expect(events).toContainEqual({ type: 'turn.updated', attemptId: expect.any(Number), step: 0, turn: judgedTurn });
      const sent = requests[0] as {
        url: string;
        body: { model: string; temperature: number; response_format: { type: string } };
      };
      expect(sent.url).toBe('/v1/chat/completions');
      expect(sent.body).toMatchObject({
        model: 'test-judge',
        temperature: 0,
        response_format: { type: 'json_object' },
      });
    },
  );

  it('marks a "yes" whose quote is not in the transcript as needs review, not scored', async () => {
    reply = () => ({
      checks: [
        { id: 'restates-concern/restated', answer: 'yes', quote: 'So what you are saying is the price is too high' },
      ],
    });
    const { judged } = await answerOnce();
    const c = restated(judged);
    expect(c.score).toBeNull();
    expect(c.checks[0]).toMatchObject({ passed: null, judge: { status: 'needs-review' } });
    expect(c.checks[0]!.detail).toMatch(/needs review: the model's quote is not in the transcript/);
    expect(judged.score!.overall).toBe(100); // only the deterministic criterion counts
  });

  it('scores a "no" as failed', async () => {
    reply = () => ({ checks: [{ id: 'restates-concern/restated', answer: 'no', quote: null }] });
    expect(restated((await answerOnce()).judged).score).toBe(0);
  });

  it('keeps the deterministic scores when the server times out', async () => {
    reply = () => 'hang';
    const started = Date.now();
    const { immediate, judged } = await answerOnce(800);
    expect(Date.now() - started).toBeLessThan(15000);
    expect(immediate.score!.criteria.find((c) => c.id === 'acknowledge-objection')!.score).toBe(100);
    const c = restated(judged);
    expect(c.checks[0]).toMatchObject({ passed: null, judge: { status: 'failed' } });
    expect(c.checks[0]!.detail).toMatch(/the model did not answer/);
    expect(judged.score!.criteria.find((k) => k.id === 'acknowledge-objection')!.score).toBe(100);
  });

  it('is off, and says so, when no endpoint is configured', async () => {
    const core = makeCore(tempDir(), { judge: null, modelPath: null });
    const library = core.catalog.library();
    core.close();
    const { scoreAnswer } = await import('../../../src-main/core/scoring/score-answer');
    const s = scoreAnswer({
      transcript: { text: 'I see the price worries you.', words: [] },
      criteria: [{ id: 'restates-concern', weight: 1 }],
      library,
    });
    expect(s.criteria[0]!.checks[0]).toMatchObject({
      passed: null,
      detail: 'model grading is off (no endpoint configured)',
    });
  });
});

describe('locateQuote', () => {
  it('finds a quote verbatim, ignoring case, spacing and end punctuation, and nothing else', () => {
    const text = 'I hear you. So the price is the main worry, right?';
    expect(locateQuote(text, '"so the price  is the main worry."')).toEqual({ start: 12, end: 42 });
    expect(locateQuote(text, 'the price is the biggest worry')).toBeNull();
  });
});
