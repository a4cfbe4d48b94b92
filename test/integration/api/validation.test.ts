/**
 * A malformed argument to any API method is refused before it reaches core, on both transports:
 * the Electron IPC handler (called as ipcMain would) and the browser bridge over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../src-main/api/contract';
import { createHandlers, type Handlers } from '../../../src-main/api/handlers';
import { type Core, makeCore } from '../../support/core';
import { createApiIpcHandler } from '../../../src-main/electron/api-ipc';
import { startWebBridge, type WebBridge } from '../../../src-main/web/server';
import { TINY_MODEL, tempDir } from '../../support/paths';

/** For each method, arguments its schema must reject. */
const malformed: Record<MethodName, unknown> = {
  'app.info': { extra: 1 },
  'model.status': { path: '/etc' },
  'models.settings': { refresh: true },
  'models.download': { name: 'large-v3' },
  'models.cancelDownload': {},
  'models.use': { path: '   ' },
  'scenarios.list': { filter: 3 },
  'people.me': { id: 1 },
  'people.list': { all: true },
  'people.setUpMe': { name: '   ', roles: ['rep'] },
  'people.add': { name: 'Ana', roles: [] },
  'people.use': { id: 'me' },
  'attempts.start': { scenarioId: 42 },
  'attempts.finish': { attemptId: -1 },
  'attempts.next': { attemptId: 0 },
  'turns.peaks': { turnId: 'latest' },
  'attempts.peaks': { attemptId: 'latest' },
  'attempts.rescore': { attemptId: 'latest' },
  'voice.buyerLine': { scenarioId: 'price-objection' },
  'designer.list': { all: true },
  'designer.open': { source: 'user', file: '../../etc/passwd' },
  'designer.check': { source: 'shared', file: 'a.yaml', text: '' },
  'designer.save': { file: 'a.txt', text: 'id: a' },
  'designer.remove': { file: 42 },
  'designer.duplicate': { source: 'built-in' },
  'designer.runExamples': { source: 'user', file: 'a.yaml', text: 7 },
  'designer.exportPack': { source: 'user', pack: '../secrets' },
  'designer.importPack': { fileName: 'p.zip', zip: 'not base64!' },
  'attempts.resume': { attemptId: 1.5 },
  'attempts.leave': {},
  'attempts.discard': { attemptId: '1' },
  'attempts.restore': { attemptId: null },
  'attempts.scenarios': { all: 1 },
  'answers.try': { scenarioId: 'price-objection', turnId: 'price-pushback', text: 'x', wav: 'AAAA' },
  'transcription.transcribe': { wav: new Array(10).fill('not base64') },
  'attempts.list': { limit: 100000, sort: 'random' },
  'attempts.get': { id: 'one' },
  'recording.start': { attemptId: 1, step: 1.5 },
  'recording.append': { recordingId: 'not-a-uuid', seq: 0, pcm16: 'AAAA' },
  'recording.cancel': {},
  'recording.finish': { recordingId: '../../etc/passwd' },
  'turns.retry': { attemptId: 1 },
  'turns.submitTyped': { attemptId: 1, step: 0, text: '   ' },
  'review.overrideScore': { turnId: 1, criterionId: 'probing', score: 120, reason: 'too generous' },
  'review.setStatus': { attemptId: 1, status: 'done' },
  'review.queue': { band: 'excellent' },
  'comments.add': { attemptId: 1, turnId: 1, atSeconds: -3, body: 'x' },
  'comments.reply': { parentId: 1, body: '   ' },
  'comments.edit': { id: 1 },
  'comments.remove': { id: 0 },
  'comments.resolve': { id: 1, resolved: 'yes' },
  'review.removeOverride': { turnId: 'x', criterionId: 'probing' },
  'review.planChoices': { all: true },
  'plan.today': { minutes: 600 },
  'turns.examples': { attemptId: 1, step: -1 },
  'review.setPlan': { attemptId: 1, skills: ['a', 'b', 'c', 'd'] },
  'review.clearPlan': { attemptId: 'latest' },
  'bundles.exportAttempts': { attemptIds: [] },
  'bundles.exportReview': { attemptIds: [0] },
  'bundles.import': { fileName: 'x.sparring-attempts', zip: 'not base64!' },
  'bundles.exportHtml': { attemptId: -3 },
  'turns.retryTurn': { attemptId: 1, step: -1 },
  'turns.cancelTranscription': { attemptId: 0, step: 0 },
  'plan.progress': { weeks: 3 },
  'plan.setWeekGoal': { minutes: 5 },
  'plan.reminderSettings': { on: true },
  'plan.setReminder': { time: '25:00' },
  'plan.reminderDue': { now: 1 },
  'assignments.create': { scenarioId: 'price-objection', repIds: [], dueOn: 'friday' },
  'assignments.cancel': { id: 'all' },
  'assignments.mine': { rep: 1 },
  'alerts.inbox': { includeDone: 'yes' },
  'alerts.mark': { id: 'x', state: 'later' },
  'assignments.given': { all: true },
  'team.status': { extra: 1 },
  'team.connect': { url: '' },
  'team.disconnect': { force: true },
  'team.syncNow': { now: 1 },
  'team.publishPack': { pack: '../escape' },
  'dashboard.team': { from: 'last week' },
  'dashboard.csv': { repIds: [0] },
  'dashboard.cell': { repId: 1 },
  'dashboard.scorecard': { repId: 'Riley' },
  'dashboard.setLeaderboard': { enabled: 'yes' },
  'report.savePdf': { fileName: '' },
};

let core: Core;
let bridge: WebBridge;
let calls: string[];
let ipc: ReturnType<typeof createApiIpcHandler>;
const trusted = { sender: 'main-window', senderFrame: { url: 'file:///app/index.html' } };

beforeAll(async () => {
  core = makeCore(tempDir(), { modelPath: TINY_MODEL });
  const real = createHandlers(core, { version: 'test', transport: 'electron' });
  calls = [];
  // Record which handlers ran, to prove invalid calls never reach core.
  const spied = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [
      name,
      (args: unknown) => (calls.push(name), (fn as (a: unknown) => unknown)(args)),
    ]),
  ) as unknown as Handlers;
  ipc = createApiIpcHandler(spied, (e) => e.sender === 'main-window');
  bridge = await startWebBridge({ core, staticDir: tempDir(), version: 'test' });
});

afterAll(async () => {
  await bridge.close();
  core.close();
});

const post = (method: string, body: unknown, token = bridge.token) =>
  fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sparring-token': token },
    body: JSON.stringify(body),
  });

describe('argument validation', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(malformed).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const method of Object.keys(malformed) as MethodName[]) {
    it(`${method}: rejected over IPC and over HTTP`, async () => {
      calls.length = 0;
      const viaIpc = await ipc(trusted, method, malformed[method]);
      expect(viaIpc).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
      expect(calls).toEqual([]);
      const response = await post(method, malformed[method]);
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        ok: boolean;
        error: { code: string; message: string; issues: unknown[] };
      };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('invalid_arguments');
      expect(body.error.issues.length).toBeGreaterThan(0);
      expect(body.error.message).toMatch(/^Invalid arguments: /);
    });
  }

  it('valid calls work on both transports', async () => {
    expect(await ipc(trusted, 'scenarios.list', {})).toMatchObject({ ok: true, result: { valid: expect.any(Array) } });
    const response = await post('attempts.list', { limit: 5 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, result: { items: [], total: 0, limit: 5, offset: 0 } });
  });

  it('an unknown method and an untrusted IPC sender are refused', async () => {
    expect(await ipc(trusted, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(
      await ipc({ sender: 'other', senderFrame: { url: 'https://evil.example/' } }, 'scenarios.list', {}),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await post('fs.readFile', {})).status).toBe(404);
  });

  it('the bridge refuses calls without the token or with a foreign Host header', async () => {
    expect((await post('scenarios.list', {}, 'wrong-token')).status).toBe(401);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/scenarios.list',
          method: 'POST',
          headers: { host: 'evil.example', 'x-sparring-token': bridge.token },
        },
        (res) => resolve(res.statusCode!),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
