import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repairWavHeader } from './audio/wav-append-writer';
import { AudioStore } from './audio/audio-store';
import type { WavAppendWriter } from './audio/wav-append-writer';
import type { AppEvent, AttemptDetail, AttemptSummary, CriterionRef, ModelStatus, NextStep, Scenario, ScenarioListing, Transcript, TurnRecord } from './domain';
import { SparringError, notFound } from './errors';
import { checkModelFile } from './models/model-file-check';
import { locateModel } from './models/model-location';
import { ModelManager } from './models/model-manager';
import { walk } from './scenarios/branching';
import { parseScenario } from './scenarios/load-scenarios';
import { ScenarioCatalog } from './scenarios/scenario-catalog';
import { ScenarioWorkspace } from './scenarios/scenario-workspace';
import type { RubricLibrary } from './scoring/rubric-library';
import { applyJudgement, askJudge, type JudgeConfig, judgeConfigFromEnv, pendingJudgeChecks } from './scoring/model-judge';
import { scoreAnswer } from './scoring/score-answer';
import { AttemptsRepository } from './storage/attempts-repository';
import { type Db, openDatabase } from './storage/database';
import { findWhisperBinary } from './transcription/whisper-binary';
import { transcribeWav } from './transcription/whisper-cpp';
import { LiveTranscriber } from './transcription/live-transcriber';
import { WhisperWorker } from './transcription/whisper-worker';
import { readWavFileFormat } from './audio/wav';
import { type SpeechConfig, speechConfigFromEnv, synthesizedLine } from './voice/buyer-speech';
import { resolveInside } from './paths';

export interface CoreConfig {
  dataDir: string;
  /** Folders of built-in scenarios (read-only); the user's own live in <dataDir>/scenarios. */
  builtInScenarioDirs: string[];
  /** Roots to look for native/whisper/main under. */
  appRoots: string[];
  modelPath?: string | null;
  whisperThreads?: number;
  nativeSqliteBinding?: string;
  /** Model-graded checks: an OpenAI-compatible endpoint, or null for off. Default: from the environment. */
  judge?: JudgeConfig | null;
  /** Buyer voices from an OpenAI-compatible text-to-speech endpoint, or null for off. Default: from the environment. */
  speech?: SpeechConfig | null;
  /**
   * Transcribe while the rep speaks (segments cut at pauses, on a warm whisper.cpp worker).
   * Default: on, unless SPARRING_LIVE_TRANSCRIPTION=0. Off: the whole file after the stop.
   */
  liveTranscription?: boolean;
  /** whisper's initial prompt; the default one contains fillers so whisper keeps writing them. null: none. */
  initialPrompt?: string | null;
  /**
   * Beam size for the app's transcriptions. Default 1 (greedy, with whisper's temperature
   * fallback), as whisper.cpp's own streaming example uses: feedback speed matters most here.
   * $SPARRING_BEAM_SIZE overrides it (5 is whisper.cpp's CLI default).
   */
  beamSize?: number;
}

/**
 * Whisper tends to drop "um" and "uh"; an initial prompt that contains them is the known remedy
 * (it conditions the decoder on a transcript style that keeps fillers).
 */
export const FILLER_PROMPT = 'Um, so, uh, I was, like, thinking that, you know, we could, uh, maybe start there.';

/** Media paths of scenario clips: scenario-clip/<scenario id>/<turn id>. */
const SCENARIO_CLIP_PREFIX = 'scenario-clip/';

export type CoreEvent = AppEvent;

interface ActiveRecording {
  attemptId: number;
  turnIndex: number;
  writer: WavAppendWriter;
  nextSeq: number;
  /** Transcribing as the rep speaks, when live transcription is on and a model is ready. */
  live: LiveTranscriber | null;
}

/**
 * The whole app behind one object: every front end (Electron, the browser bridge, the CLI,
 * tests) drives the same core. It knows nothing of Electron or HTTP.
 */
export class SparringCore {
  readonly db: Db;
  readonly attempts: AttemptsRepository;
  private readonly audio: AudioStore;
  private readonly recordings = new Map<string, ActiveRecording>();
  private readonly listeners = new Set<(e: CoreEvent) => void>();
  readonly catalog: ScenarioCatalog;
  /** The designer's view of the scenario folders (edit, check, packs). */
  readonly workspace: ScenarioWorkspace;
  /** Speech models: which exist, downloads, the one in use (the settings page). */
  readonly models: ModelManager;
  private readonly judge: JudgeConfig | null;
  private readonly speech: SpeechConfig | null;
  private readonly judging = new Set<Promise<void>>();
  /** What the last start found and repaired after a crash. */
  readonly recovery: { recordings: number; attempts: number };

  constructor(readonly config: CoreConfig) {
    this.db = openDatabase(join(config.dataDir, 'sparring.db'), { nativeBinding: config.nativeSqliteBinding });
    this.attempts = new AttemptsRepository(this.db);
    this.audio = new AudioStore(config.dataDir);
    this.catalog = ScenarioCatalog.forDataDir(config.builtInScenarioDirs, config.dataDir);
    this.models = new ModelManager(config.dataDir, config.modelPath, (e) => this.emit(e));
    this.workspace = new ScenarioWorkspace(this.catalog, config.builtInScenarioDirs, this.catalog.userDir);
    this.judge = config.judge === undefined ? judgeConfigFromEnv() : config.judge;
    this.speech = config.speech === undefined ? speechConfigFromEnv() : config.speech;
    this.recovery = this.recoverInterrupted();
    this.attempts.ensureProfile();
  }

  get dataDir(): string {
    return this.config.dataDir;
  }

  onEvent(listener: (e: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: CoreEvent) {
    for (const l of this.listeners) l(e);
  }

  close(): void {
    this.worker?.close();
    this.models.close();
    for (const r of this.recordings.values()) r.writer.finish();
    this.recordings.clear();
    this.db.close();
  }

  /**
   * After a crash: every answer that was being recorded is recovered up to its last chunk on
   * disk (header repaired from the file length), stored with its turn for transcription later,
   * and every attempt left in progress is marked incomplete. Nothing is silently dropped.
   */
  private recoverInterrupted(): { recordings: number; attempts: number } {
    let recordings = 0;
    for (const r of this.attempts.recordingsInProgress()) {
      const full = join(this.dataDir, r.path);
      try {
        const durationSeconds = existsSync(full) ? repairWavHeader(full) : 0;
        if (durationSeconds > 0) {
          const { turn } = this.turnForStep(r.attemptId, r.turnIndex);
          const audioPath = this.audio.commitFile(full);
          this.attempts.saveTurn(r.attemptId, { index: r.turnIndex, turnId: turn.id, buyerLine: turn.buyer, audioPath, durationSeconds, transcript: null, score: null });
          recordings++;
        } else {
          rmSync(full, { force: true }); // nothing was captured
        }
      } catch (error) {
        console.error(`[sparring] could not recover the recording ${full}; it is left in place:`, error);
        continue;
      }
      this.attempts.removeRecording(r.id);
    }
    return { recordings, attempts: this.attempts.closeInterruptedAttempts() };
  }

  // ---------- scenarios ----------

  rubricLibrary(): RubricLibrary {
    return this.catalog.library();
  }

  listScenarios(): ScenarioListing {
    return this.catalog.list();
  }

  private scenarioById(id: string): { scenario: Scenario; content: string } {
    return this.catalog.find(id);
  }

  /** The scenario version an attempt was started on, even if the file changed since. */
  private attemptScenario(attemptId: number): Scenario {
    const ref = this.attempts.attemptScenario(attemptId);
    if (!ref) throw notFound(`Attempt ${attemptId}`);
    const content = this.attempts.scenarioContent(ref.scenarioId, ref.scenarioHash)!;
    const { scenario } = parseScenario(content, `${ref.scenarioId}@${ref.scenarioHash.slice(0, 8)}`, this.catalog.knownCriteria());
    if (!scenario) throw new SparringError('scenario_invalid', `The stored version of scenario "${ref.scenarioId}" no longer parses.`);
    return scenario;
  }

  /** Refuses to add answers to an attempt that does not exist or is already closed. */
  private requireOpenAttempt(attemptId: number): void {
    const ref = this.attempts.attemptScenario(attemptId);
    if (!ref) throw notFound(`Attempt ${attemptId}`);
    if (ref.status !== 'in_progress') throw new SparringError('attempt_closed', `Attempt ${attemptId} is finished; start a new attempt to practise again.`);
  }

  /** The scenario turn at a step of an attempt: replays the branches over the answers stored so far. */
  private turnForStep(attemptId: number, step: number): { scenario: Scenario; turnIndex: number; turn: Scenario['turns'][number] } {
    const scenario = this.attemptScenario(attemptId);
    const answers = this.attempts.getAttempt(attemptId)?.turns ?? [];
    if (step > answers.length) throw new SparringError('no_such_turn', `Step ${step + 1} is not reached yet: answer step ${answers.length + 1} first.`);
    const { path, after } = walk(scenario, answers.filter((a) => a.index < step));
    const turnIndex = step < path.length ? path[step]! : after?.kind === 'turn' ? after.turnIndex : -1;
    if (turnIndex < 0) throw new SparringError('roleplay_ended', `The role-play has already ended before step ${step + 1}.`);
    return { scenario, turnIndex, turn: scenario.turns[turnIndex]! };
  }

  /** Where the role-play goes now: the next turn (at the next step), or its end. */
  nextStep(attemptId: number): NextStep {
    const scenario = this.attemptScenario(attemptId);
    const { after } = walk(scenario, this.storedAttempt(attemptId).turns);
    if (!after) throw new SparringError('answer_missing', 'Answer the current turn first.');
    return after;
  }

  // ---------- the buyer's voice and media files ----------

  /**
   * How to voice a buyer line: the scenario's own clip when it has one, else the configured
   * text-to-speech endpoint (synthesised once, then cached), else null: the UI uses a system voice.
   * Returned as a media path for api.media.url().
   */
  async buyerLine(scenarioId: string, turnId: string): Promise<{ mediaPath: string | null; source: 'clip' | 'synthesized' | 'system' }> {
    const { scenario } = this.scenarioById(scenarioId);
    const turn = scenario.turns.find((t) => t.id === turnId);
    if (!turn) throw notFound(`Turn "${turnId}" of scenario "${scenarioId}"`);
    if (turn.audio) return { mediaPath: `${SCENARIO_CLIP_PREFIX}${encodeURIComponent(scenarioId)}/${encodeURIComponent(turnId)}`, source: 'clip' };
    if (!this.speech) return { mediaPath: null, source: 'system' };
    return { mediaPath: await synthesizedLine(this.speech, this.dataDir, turn.buyer, turn.voice ?? scenario.persona.voice), source: 'synthesized' };
  }

  /**
   * The file behind a media path from the UI: a scenario clip (named by scenario and turn id, so
   * the UI never names a file outside the data directory), or a file inside the data directory.
   */
  mediaFile(mediaPath: string): string {
    if (mediaPath.startsWith(SCENARIO_CLIP_PREFIX)) {
      const [scenarioId, turnId, ...rest] = mediaPath.slice(SCENARIO_CLIP_PREFIX.length).split('/').map(decodeURIComponent);
      if (!scenarioId || !turnId || rest.length) throw notFound(`Media "${mediaPath}"`);
      return this.catalog.clipFile(scenarioId, turnId);
    }
    return resolveInside(this.dataDir, mediaPath);
  }

  // ---------- transcription ----------

  private worker: WhisperWorker | null = null;

  /** The warm worker's process id, when one is running (the bench reads its peak memory). */
  get whisperWorkerPid(): number | null {
    return this.worker?.pid ?? null;
  }

  /** The warm whisper.cpp worker for the current model, or null when it is not built (then `main` runs per call). */
  private whisperWorker(status: ModelStatus = this.modelStatus()): WhisperWorker | null {
    const binary = findWhisperBinary(this.config.appRoots, 'sparring-whisper-worker');
    if (!status.ready || !existsSync(binary)) return null;
    if (this.worker?.modelPath !== status.modelPath) {
      this.worker?.close();
      this.worker = new WhisperWorker(binary, status.modelPath!, this.config.whisperThreads ?? 2);
    }
    return this.worker;
  }

  private get beamSize(): number {
    return this.config.beamSize ?? (Number(process.env.SPARRING_BEAM_SIZE) || 1);
  }

  private get initialPrompt(): string | undefined {
    const prompt = this.config.initialPrompt === undefined ? (process.env.SPARRING_FILLER_PROMPT === '0' ? null : FILLER_PROMPT) : this.config.initialPrompt;
    return prompt ?? undefined;
  }

  private get liveEnabled(): boolean {
    return this.config.liveTranscription ?? process.env.SPARRING_LIVE_TRANSCRIPTION !== '0';
  }

  /**
   * With live transcription on, the warm worker with its model loading (started at once, so it is
   * ready by the time the rep answers); null when live transcription is off or impossible.
   * A loading failure surfaces, with its message, when the answer is transcribed.
   */
  private warmWorker(): WhisperWorker | null {
    const worker = this.liveEnabled ? this.whisperWorker() : null;
    worker?.start().catch(() => undefined);
    return worker;
  }

  /** Starts transcribing a new recording as it arrives. */
  private startLiveTranscription(): LiveTranscriber | null {
    const worker = this.warmWorker();
    return worker && new LiveTranscriber(worker, { prompt: this.initialPrompt, beamSize: this.beamSize });
  }

  /** Transcribes a whole WAV file: on the warm worker when there is one, else with `main`. */
  private transcribeFile(wavPath: string, durationSeconds: number, status: ModelStatus): Promise<Transcript> {
    const worker = this.whisperWorker(status);
    let format: { sampleRate: number; channels: number } | null = null;
    try {
      format = readWavFileFormat(wavPath);
    } catch {
      // unreadable: `main` below reports it with the message a rep can act on
    }
    if (worker && format?.sampleRate === 16000 && format.channels === 1) {
      return worker.transcribe({ wavPath, durationSeconds, prompt: this.initialPrompt, beamSize: this.beamSize });
    }
    return transcribeWav(wavPath, { binaryPath: status.binaryPath!, modelPath: status.modelPath!, threads: this.config.whisperThreads, prompt: this.initialPrompt, beamSize: this.beamSize });
  }

  // ---------- model ----------

  whisperBinary(): string {
    return findWhisperBinary(this.config.appRoots);
  }

  modelStatus(): ModelStatus {
    const modelPath = locateModel(this.dataDir, this.config.modelPath);
    const binaryPath = this.whisperBinary();
    let problem: string | null = null;
    if (!existsSync(binaryPath)) problem = 'whisper.cpp is not built. Run "npm install" in the Sparring folder.';
    else if (!modelPath) problem = 'No speech model yet. Download one in Settings (base.en, about 148 MB, once), or run "npm run model:download -- base.en". Meanwhile, type your answers.';
    else if (!existsSync(modelPath)) problem = `The speech model ${modelPath} is missing. Download it again or choose another in Settings.`;
    else {
      const check = checkModelFile(modelPath);
      if (!check.ok) problem = `The speech model ${modelPath} is damaged (${check.reason}). Download it again or choose another in Settings.`;
    }
    return { ready: problem === null, modelPath, binaryPath, problem };
  }

  // ---------- attempts ----------

  startAttempt(scenarioId: string): { attemptId: number; scenario: Scenario } {
    const { scenario, content } = this.scenarioById(scenarioId);
    const profile = this.attempts.ensureProfile();
    const attemptId = this.db.transaction(() => {
      this.attempts.recordScenarioVersion(scenario, content);
      return this.attempts.createAttempt(profile.id, scenario);
    })();
    this.warmWorker(); // the model loads while the buyer speaks
    return { attemptId, scenario };
  }

  finishAttempt(attemptId: number): AttemptSummary {
    if (!this.attempts.attemptScenario(attemptId)) throw notFound(`Attempt ${attemptId}`);
    this.attempts.finishAttempt(attemptId);
    return this.attempts.getAttempt(attemptId)!;
  }

  listAttempts(limit = 50, offset = 0): { items: AttemptSummary[]; total: number } {
    return { items: this.attempts.listAttempts(limit, offset), total: this.attempts.countAttempts() };
  }

  getAttempt(id: number): AttemptDetail {
    const attempt = this.storedAttempt(id);
    return { ...attempt, currentScenarioHash: this.currentScenarioHash(attempt.scenarioId) };
  }

  /** An attempt as stored, without looking at the scenario files (core's own reads). */
  private storedAttempt(id: number) {
    const attempt = this.attempts.getAttempt(id);
    if (!attempt) throw notFound(`Attempt ${id}`);
    return attempt;
  }

  /** The hash of a scenario's file as it is now; null when it was deleted or no longer validates. */
  private currentScenarioHash(scenarioId: string): string | null {
    try {
      return this.scenarioById(scenarioId).scenario.contentHash;
    } catch {
      return null;
    }
  }

  /**
   * Re-scores a finished attempt with the scenario and rubric as they are now. The old attempt is
   * never touched: the result is a new attempt that points back at it, so both stay visible.
   * Answers to turns the current version no longer has are left out (and said so).
   */
  rescoreAttempt(attemptId: number): AttemptDetail {
    const old = this.storedAttempt(attemptId);
    if (old.status === 'in_progress') throw new SparringError('attempt_open', `Attempt ${attemptId} is still in progress: finish it before re-scoring.`);
    const { scenario, content } = this.scenarioById(old.scenarioId);
    const current = new Map(scenario.turns.map((t) => [t.id, t]));
    const answers = old.turns.filter((t) => t.transcript && current.has(t.turnId));
    if (!answers.length) {
      throw new SparringError('nothing_to_rescore', `None of the answered turns of attempt ${attemptId} exist in the current version of "${scenario.title}", so there is nothing to re-score.`);
    }
    const profile = this.attempts.ensureProfile();
    const newId = this.db.transaction(() => {
      this.attempts.recordScenarioVersion(scenario, content);
      const id = this.attempts.createAttempt(profile.id, scenario, undefined, attemptId);
      for (const answer of answers) {
        const turn = current.get(answer.turnId)!;
        const base = { index: answer.index, turnId: turn.id, buyerLine: turn.buyer, audioPath: answer.audioPath, durationSeconds: answer.durationSeconds };
        this.scoreAndStore(id, base, answer.transcript!, turn.criteria, scenario.competitors, answer.score?.delivery.typed ?? answer.audioPath === null);
      }
      this.attempts.finishAttempt(id, old.status);
      return id;
    })();
    return this.getAttempt(newId);
  }

  // ---------- recording an answer ----------

  startRecording(attemptId: number, turnIndex: number): { recordingId: string } {
    this.requireOpenAttempt(attemptId);
    this.turnForStep(attemptId, turnIndex); // refuses a step that is not reached, or after the end
    const { id, writer } = this.audio.begin();
    this.attempts.addRecording(id, attemptId, turnIndex, this.audio.relativePath(writer.path));
    this.recordings.set(id, { attemptId, turnIndex, writer, nextSeq: 0, live: this.startLiveTranscription() });
    return { recordingId: id };
  }

  private recording(recordingId: string): ActiveRecording {
    const r = this.recordings.get(recordingId);
    if (!r) throw new SparringError('no_such_recording', `Recording ${recordingId} is not active (already finished or cancelled).`);
    return r;
  }

  /** Appends 16 kHz mono 16-bit PCM straight to the WAV on disk. Chunks must arrive in order. */
  appendAudio(recordingId: string, seq: number, pcm16: Uint8Array): { seconds: number } {
    const r = this.recording(recordingId);
    if (seq !== r.nextSeq) throw new SparringError('chunk_out_of_order', `Audio chunk ${seq} arrived, expected ${r.nextSeq}.`);
    r.writer.append(pcm16);
    r.nextSeq++;
    r.live?.append(pcm16);
    return { seconds: r.writer.durationSeconds };
  }

  cancelRecording(recordingId: string): void {
    const r = this.recording(recordingId);
    this.recordings.delete(recordingId);
    r.live?.cancel();
    this.audio.discard(r.writer);
    this.attempts.removeRecording(recordingId);
  }

  /**
   * Ends the answer: the audio is made durable and stored with the turn first, then transcribed
   * and scored. If transcription fails the turn keeps its audio and the error is raised.
   */
  async finishRecording(recordingId: string): Promise<TurnRecord> {
    const r = this.recording(recordingId);
    this.recordings.delete(recordingId);
    this.emit({ type: 'turn.stage', recordingId, stage: 'saving' });
    const durationSeconds = r.writer.durationSeconds;
    const audioPath = this.audio.commit(r.writer);
    this.attempts.removeRecording(recordingId);
    const { scenario, turn } = this.turnForStep(r.attemptId, r.turnIndex);
    const base = { index: r.turnIndex, turnId: turn.id, buyerLine: turn.buyer, audioPath, durationSeconds };
    this.attempts.saveTurn(r.attemptId, { ...base, transcript: null, score: null });
    return this.transcribeAndScore(r.attemptId, base, turn.criteria, scenario.competitors, recordingId, r.live);
  }

  /**
   * A typed answer (no microphone, or no speech model yet): scored the same way, with the
   * delivery metrics that need audio marked not available, and flagged as typed.
   */
  submitTypedAnswer(attemptId: number, turnIndex: number, text: string): TurnRecord {
    this.requireOpenAttempt(attemptId);
    const { scenario, turn } = this.turnForStep(attemptId, turnIndex);
    const answer = text.trim();
    if (!answer) throw new SparringError('empty_answer', 'Type an answer first.');
    const base = { index: turnIndex, turnId: turn.id, buyerLine: turn.buyer, audioPath: null, durationSeconds: null };
    return this.scoreAndStore(attemptId, base, { text: answer, words: [] }, turn.criteria, scenario.competitors, true);
  }

  /** Transcribes a stored turn again (after a failure, or with another model). */
  async retryTurn(attemptId: number, turnIndex: number): Promise<TurnRecord> {
    const stored = this.storedAttempt(attemptId).turns.find((t) => t.index === turnIndex);
    if (!stored?.audioPath) throw notFound(`Audio for turn ${turnIndex + 1} of attempt ${attemptId}`);
    const scenario = this.attemptScenario(attemptId);
    const turn = scenario.turns.find((t) => t.id === stored.turnId);
    if (!turn) throw new SparringError('scenario_changed', `The stored scenario version has no turn "${stored.turnId}".`);
    const { id: _id, transcript: _t, score: _s, ...base } = stored;
    return this.transcribeAndScore(attemptId, base, turn.criteria, scenario.competitors, `retry-${attemptId}-${turnIndex}`);
  }

  // ---------- review ----------

  /**
   * A manager's score for one criterion, with a reason. The automatic score is kept; the override
   * becomes the effective score and the turn's and attempt's overall follow it.
   */
  overrideScore(turnId: number, criterionId: string, score: number, reason: string): AttemptDetail {
    const found = this.attempts.turnById(turnId);
    if (!found) throw notFound(`Turn ${turnId}`);
    if (!found.turn.score?.criteria.some((c) => c.id === criterionId)) {
      throw new SparringError('no_such_criterion', `Turn ${turnId} has no automatic score for "${criterionId}" to override.`);
    }
    if (!reason.trim()) throw new SparringError('reason_required', 'Say why you are changing the score: the rep sees your reason.');
    const author = this.attempts.ensureProfile();
    this.attempts.overrideScore(turnId, criterionId, score, reason.trim(), author.id);
    this.attempts.refreshAttemptScore(found.attemptId);
    return this.getAttempt(found.attemptId);
  }

  removeOverride(turnId: number, criterionId: string): AttemptDetail {
    const found = this.attempts.turnById(turnId);
    if (!found) throw notFound(`Turn ${turnId}`);
    this.attempts.removeOverride(turnId, criterionId);
    this.attempts.refreshAttemptScore(found.attemptId);
    return this.getAttempt(found.attemptId);
  }

  private async transcribeAndScore(
    attemptId: number,
    base: Omit<TurnRecord, 'id' | 'transcript' | 'score'>,
    criteria: CriterionRef[],
    competitors: string[],
    recordingId: string,
    live: LiveTranscriber | null = null,
  ): Promise<TurnRecord> {
    const status = this.modelStatus();
    if (!status.ready) throw new SparringError('model_not_ready', status.problem!);
    this.emit({ type: 'turn.stage', recordingId, stage: 'transcribing' });
    // Live segments when they all worked; otherwise (or after a failure) the whole file again.
    const transcript = (live && (await live.finish().catch(() => null))) || (await this.transcribeFile(this.audio.absolute(base.audioPath!), base.durationSeconds!, status));
    this.emit({ type: 'turn.stage', recordingId, stage: 'scoring' });
    const saved = this.scoreAndStore(attemptId, base, transcript, criteria, competitors, false);
    this.emit({ type: 'turn.stage', recordingId, stage: 'done' });
    return saved;
  }

  /**
   * Scores an answer (spoken or typed), stores it with the rubric text that scored it, and starts
   * the optional model grading in the background.
   */
  private scoreAndStore(
    attemptId: number,
    base: Omit<TurnRecord, 'id' | 'transcript' | 'score'>,
    transcript: Transcript,
    criteria: CriterionRef[],
    competitors: string[],
    typed: boolean,
  ): TurnRecord {
    const library = this.rubricLibrary();
    const score = scoreAnswer({ transcript, criteria, competitors, library, typed, judgeEnabled: this.judge !== null });
    this.attempts.recordRubricVersion(library.version, library.snapshot);
    const saved = this.attempts.saveTurn(attemptId, { ...base, transcript, score });
    if (this.judge && pendingJudgeChecks(score).length) this.startJudging(attemptId, saved);
    return saved;
  }

  /** Asks the model in the background; the deterministic scores are already stored and shown. */
  private startJudging(attemptId: number, turn: TurnRecord): void {
    const judge = this.judge!;
    const run = (async () => {
      let outcome: Parameters<typeof applyJudgement>[2];
      try {
        outcome = { answers: await askJudge(judge, turn.buyerLine, turn.transcript!.text, pendingJudgeChecks(turn.score!)) };
      } catch (error) {
        outcome = { error: `the model did not answer (${(error as Error).message})` };
      }
      if (!this.db.open) return;
      const { id: _id, ...rest } = turn;
      this.attempts.saveTurn(attemptId, { ...rest, score: applyJudgement(turn.score!, turn.transcript!, outcome) });
      this.attempts.refreshAttemptScore(attemptId);
      this.emit({ type: 'turn.updated', attemptId, turnIndex: turn.index });
    })();
    this.judging.add(run);
    void run.finally(() => this.judging.delete(run));
  }

  /** Resolves when every background model grading has finished (tests, and before closing). */
  async settled(): Promise<void> {
    while (this.judging.size) await Promise.all([...this.judging]);
  }
}
