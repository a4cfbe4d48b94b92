import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptSummary, Scenario, TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import { hasVoice, playClip, speak, stopSpeaking } from '../audio/buyer-voice';
import { listMicrophones, Recorder } from '../audio/recorder';
import { CertificationBadge } from '../components/CertificationBadge';
import { LevelMeter } from '../components/LevelMeter';
import { TurnView } from '../components/TurnView';
import { useApp } from '../store';

type Phase = 'buyer' | 'ready' | 'recording' | 'processing' | 'result' | 'done';

/** Meter level (0..1 on a -60..0 dBFS scale) above which the rep counts as speaking. */
const SPEECH_LEVEL = 0.3;
/** An answer stops by itself after this long, whatever happens. */
const MAX_ANSWER_SECONDS = 180;
const SILENCE_CHOICES = [0, 1.5, 2.5, 4] as const;
const SILENCE_KEY = 'sparring.autoStopSeconds';

function savedSilenceSeconds(): number {
  const v = Number(localStorage.getItem(SILENCE_KEY) ?? '2.5');
  return (SILENCE_CHOICES as readonly number[]).includes(v) ? v : 2.5;
}

const STAGE_LABEL = { saving: 'Saving your answer…', transcribing: 'Transcribing…', scoring: 'Scoring…', done: 'Done' } as const;

/** One role-play: the buyer speaks, the rep answers out loud, the answer is transcribed and scored. */
/** Space held at least this long is push-to-talk (release stops); a shorter tap toggles. */
const HOLD_MS = 400;

export function PracticeSession({ attemptId, scenario, onExit }: { attemptId: number; scenario: Scenario; onExit: () => void }) {
  const go = useApp((s) => s.go);
  // The step in this attempt (turnIndex in the API) and the scenario turn it is: branches decide.
  const [turnIndex, setTurnIndex] = useState(0);
  const [turn, setTurn] = useState<Scenario['turns'][number]>(scenario.turns[0]!);
  const [ending, setEnding] = useState<string | null>(null);
  const [finished, setFinished] = useState<AttemptSummary | null>(null);
  const [phase, setPhase] = useState<Phase>('buyer');
  const [level, setLevel] = useState(0);
  const [seconds, setSeconds] = useState(0);
  const [stage, setStage] = useState<keyof typeof STAGE_LABEL>('saving');
  const [result, setResult] = useState<TurnRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noVoice, setNoVoice] = useState(false);
  const modelReady = useApp((st) => st.model?.ready);
  const [mode, setMode] = useState<'voice' | 'typed'>('voice');
  const [typed, setTyped] = useState('');
  const [silenceSeconds, setSilenceSeconds] = useState(savedSilenceSeconds);
  /** When Space went down to start an answer; null once released. While held, silence does not stop the answer. */
  const spaceDownAt = useRef<number | null>(null);
  // Voice activity for auto-stop: whether the rep has spoken yet, and when they last did.
  const activity = useRef({ heard: false, lastLoud: 0, started: 0, lastPaint: 0 });
  const stopRef = useRef<() => void>(() => undefined);
  const [mics, setMics] = useState<{ id: string; label: string }[]>([]);
  const [micId, setMicId] = useState(() => localStorage.getItem('sparring.micId') ?? '');
  const refreshMics = useCallback(() => void listMicrophones().then(setMics), []);
  useEffect(() => {
    refreshMics();
    navigator.mediaDevices?.addEventListener?.('devicechange', refreshMics);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refreshMics);
  }, [refreshMics]);
  const session = useRef<{ recorder: Recorder; recordingId: string; seq: number; chain: Promise<unknown>; stopping: boolean } | null>(null);

  // Without a speech model, answers are typed (scored the same way) until one is installed.
  useEffect(() => {
    if (modelReady === false) setMode('typed');
  }, [modelReady]);

  const onLevel = useCallback(
    (level: number) => {
      const a = activity.current;
      const now = performance.now();
      if (level > SPEECH_LEVEL) {
        a.heard = true;
        a.lastLoud = now;
      }
      if (now - a.lastPaint > 50) {
        a.lastPaint = now;
        setLevel(level);
      }
      const silentFor = (now - a.lastLoud) / 1000;
      const held = spaceDownAt.current !== null;
      if ((a.heard && !held && silenceSeconds > 0 && silentFor >= silenceSeconds) || (now - a.started) / 1000 >= MAX_ANSWER_SECONDS) stopRef.current();
    },
    [silenceSeconds],
  );

  // The buyer speaks first: the scenario's clip, a synthesised line, or the system voice. Recording
  // is possible once the line has been said, or at once when the rep skips (or there is no voice).
  const [buyerVoice, setBuyerVoice] = useState<'clip' | 'synthesized' | 'system' | 'none' | null>(null);
  const [voiceProblem, setVoiceProblem] = useState<string | null>(null);
  /** How many times the line has been played to its end (replays included). */
  const [plays, setPlays] = useState(0);
  const playing = useRef<{ id: number; stop(): void }>({ id: 0, stop: () => {} });
  const sayLine = useCallback(async () => {
    playing.current.stop();
    const id = playing.current.id + 1;
    playing.current = { id, stop: stopSpeaking };
    const current = () => playing.current.id === id;
    setPhase('buyer');
    setBuyerVoice(null);
    let used: 'clip' | 'synthesized' | 'system' | 'none' = 'none';
    try {
      const line = await api.voice.buyerLine({ scenarioId: scenario.id, turnId: turn.id });
      if (line.mediaPath && current()) {
        const clip = playClip(api.media.url(line.mediaPath));
        playing.current = { id, stop: clip.stop };
        await clip.done;
        used = line.source;
      }
    } catch (e) {
      setVoiceProblem(`${(e as Error).message.replace(/\.$/, '')}; using the system voice instead.`);
    }
    if (used === 'none' && current()) {
      if (await hasVoice()) {
        playing.current = { id, stop: stopSpeaking };
        await speak(turn.buyer, turn.voice ?? scenario.persona.voice);
        used = 'system';
      } else setNoVoice(true);
    }
    if (!current()) return;
    if (used !== 'none') setPlays((n) => n + 1);
    setBuyerVoice(used);
    setPhase('ready');
  }, [scenario, turn]);

  useEffect(() => {
    void sayLine();
    return () => {
      playing.current.stop();
      playing.current = { id: playing.current.id + 1, stop: () => {} };
    };
  }, [sayLine]);

  /** The rep does not want to wait for the buyer to finish. */
  const skipLine = () => {
    playing.current.stop();
    playing.current = { id: playing.current.id + 1, stop: () => {} };
    setPhase('ready');
  };

  // Stage updates while the answer is processed; later, model-graded checks arriving for this turn.
  useEffect(
    () =>
      api.events.subscribe((e) => {
        if (e.type === 'turn.stage' && session.current?.recordingId === e.recordingId) setStage(e.stage);
        if (e.type === 'turn.updated' && e.attemptId === attemptId && e.turnIndex === turnIndex) {
          void api.attempts.get({ id: attemptId }).then((a) => {
            const updated = a.turns.find((t) => t.index === turnIndex);
            if (updated) setResult(updated);
          });
        }
      }),
    [attemptId, turnIndex],
  );

  const startRecording = useCallback(async () => {
    setError(null);
    try {
      const { recordingId } = await api.recording.start({ attemptId, turnIndex });
      const s = { recorder: null as unknown as Recorder, recordingId, seq: 0, chain: Promise.resolve() as Promise<unknown>, stopping: false };
      // Chunks are sent one after another, in order; the core appends each to the WAV on disk.
      const send = (pcm16: string) => {
        const seq = s.seq++;
        s.chain = s.chain.then(() => api.recording.append({ recordingId, seq, pcm16 }).then((r) => setSeconds(r.seconds)));
      };
      activity.current = { heard: false, lastLoud: performance.now(), started: performance.now(), lastPaint: 0 };
      s.recorder = await Recorder.open(send, onLevel, {
        deviceId: mics.some((m) => m.id === micId) ? micId : undefined,
        // Unplugged mid-answer: keep and score what was captured, and say what happened.
        onEnded: () => {
          setError('The microphone stopped (unplugged or taken by another app). What you said up to then is saved and scored; pick a microphone to go on.');
          stopRef.current();
        },
      });
      session.current = s;
      refreshMics(); // device names become available once access is granted
      setSeconds(0);
      setPhase('recording');
    } catch (e) {
      setError(`${(e as Error).message} You can type your answer instead.`);
      setPhase('ready');
    }
  }, [attemptId, turnIndex, onLevel, mics, micId, refreshMics]);

  const stopRecording = useCallback(async () => {
    const s = session.current;
    if (!s || s.stopping) return; // a second stop (a key and auto-stop at once) does nothing
    s.stopping = true;
    setPhase('processing');
    setStage('saving');
    setLevel(0);
    try {
      const rest = await s.recorder.stop();
      if (rest) s.chain = s.chain.then(() => api.recording.append({ recordingId: s.recordingId, seq: s.seq++, pcm16: rest }));
      await s.chain;
      setResult(await api.recording.finish({ recordingId: s.recordingId }));
      setPhase('result');
    } catch (e) {
      setError((e as Error).message);
      setPhase('result');
    }
  }, []);

  stopRef.current = () => void stopRecording();

  const submitTyped = async () => {
    if (!typed.trim()) return;
    setError(null);
    setPhase('processing');
    setStage('scoring');
    try {
      setResult(await api.turns.submitTyped({ attemptId, turnIndex, text: typed }));
      setTyped('');
    } catch (e) {
      setError((e as Error).message);
    }
    setPhase('result');
  };

  const retry = async () => {
    setError(null);
    setPhase('processing');
    setStage('transcribing');
    try {
      setResult(await api.turns.retry({ attemptId, turnIndex }));
    } catch (e) {
      setError((e as Error).message);
    }
    setPhase('result');
  };

  const next = async () => {
    try {
      const step = await api.attempts.next({ attemptId });
      if (step.kind === 'end') {
        setFinished(await api.attempts.finish({ attemptId }));
        setEnding(step.end.id === 'end' ? null : step.end.title);
        setPhase('done');
        return;
      }
      setResult(null);
      setError(null);
      setTurn(step.turn);
      setTurnIndex(step.step);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // Space, unless typing in a field: hold it to talk (released after HOLD_MS, it stops), or tap
  // it to start and tap again to stop. The Answer/Stop button toggles too.
  useEffect(() => {
    const ignored = (e: KeyboardEvent) => mode !== 'voice' || e.code !== 'Space' || (e.target as HTMLElement).closest('input, textarea, select, button');
    const onDown = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      e.preventDefault();
      if (e.repeat) return;
      if (phase === 'ready') {
        spaceDownAt.current = performance.now();
        void startRecording();
      } else if (phase === 'recording') {
        spaceDownAt.current = null;
        void stopRecording();
      }
    };
    const onUp = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const heldFor = spaceDownAt.current === null ? 0 : performance.now() - spaceDownAt.current;
      spaceDownAt.current = null;
      if (phase === 'recording' && heldFor >= HOLD_MS) void stopRecording();
    };
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
    };
  }, [phase, mode, startRecording, stopRecording]);

  if (phase === 'done') {
    return (
      <div className="session done" data-testid="session-done">
        <h2>Role-play complete</h2>
        {ending && <p className="ending" data-testid="ending">{ending}</p>}
        {finished?.certification && (
          <p>
            <CertificationBadge certification={finished.certification} /> overall {finished.overallScore ?? '–'}
          </p>
        )}
        <p>Your attempt is saved in your history.</p>
        <div className="actions">
          <button className="primary" onClick={() => go({ name: 'attempt', id: attemptId })} data-testid="open-attempt">
            See the full scorecard
          </button>
          <button onClick={onExit}>Practise another</button>
        </div>
      </div>
    );
  }

  return (
    <div className="session" data-testid="session">
      <div className="session-head">
        <h2>{scenario.title}</h2>
        <span className="muted">
          Turn {turnIndex + 1} · {scenario.persona.name}, {scenario.persona.role}
        </span>
        <button className="link" onClick={onExit}>
          Leave
        </button>
      </div>
      {noVoice && <p className="muted small" data-testid="no-voice">No system voice is available, so the buyer's lines are shown as text.</p>}
      {voiceProblem && <p className="muted small">{voiceProblem}</p>}
      <blockquote className="buyer" data-testid="buyer-line" data-voice={buyerVoice ?? 'speaking'} data-plays={plays}>
        {turn.buyer}
        <span className="buyer-controls">
          {phase === 'buyer' && (
            <button className="link" onClick={skipLine} data-testid="skip-line">
              Skip ▸▸
            </button>
          )}
          {phase === 'ready' && buyerVoice !== 'none' && (
            <button className="link" onClick={() => void sayLine()} title="Hear the line again" data-testid="replay-line">
              ↻ Replay
            </button>
          )}
        </span>
      </blockquote>

      {(phase === 'buyer' || phase === 'ready') && mode === 'typed' && (
        <div className="typed" data-testid="typed-mode">
          {modelReady === false && <p className="muted small">No speech model yet, so answers are typed for now; they are scored the same way (pace and pauses need audio).</p>}
          <textarea
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && void submitTyped()}
            rows={4}
            placeholder="Type what you would say to the buyer"
            aria-label="Your answer"
            data-testid="typed-answer"
          />
          <div className="actions">
            <button className="primary" onClick={() => void submitTyped()} disabled={!typed.trim() || phase !== 'ready'} data-testid="submit-typed">
              Score my answer
            </button>
            <span className="muted small">Ctrl+Enter</span>
            {modelReady !== false && (
              <button className="link" onClick={() => setMode('voice')}>
                Answer out loud instead
              </button>
            )}
          </div>
        </div>
      )}
      {(phase === 'buyer' || phase === 'ready' || phase === 'recording') && mode === 'voice' && (
        <div className="recorder">
          <LevelMeter level={level} />
          {phase === 'recording' ? (
            <button className="record recording" onClick={() => void stopRecording()} data-testid="stop">
              ■ Stop <span className="timer" data-testid="recorded-seconds" data-seconds={seconds.toFixed(2)}>{seconds.toFixed(1)} s</span>
            </button>
          ) : (
            <button className="record" onClick={() => void startRecording()} disabled={phase !== 'ready'} data-testid="record">
              ● Answer
            </button>
          )}
          <span className="muted small">Hold Space to talk, or tap Space to start and stop</span>
          <label className="muted small">
            Auto-stop after{' '}
            <select
              value={silenceSeconds}
              onChange={(e) => {
                const v = Number(e.target.value);
                setSilenceSeconds(v);
                localStorage.setItem(SILENCE_KEY, String(v));
              }}
              data-testid="auto-stop"
            >
              {SILENCE_CHOICES.map((v) => (
                <option key={v} value={v}>
                  {v === 0 ? 'never' : `${v} s of silence`}
                </option>
              ))}
            </select>
          </label>
          {phase !== 'recording' && mics.length > 0 && (
            <select
              value={mics.some((m) => m.id === micId) ? micId : ''}
              onChange={(e) => {
                setMicId(e.target.value);
                localStorage.setItem('sparring.micId', e.target.value);
              }}
              aria-label="Microphone"
              data-testid="mic-picker"
            >
              <option value="">Default microphone</option>
              {mics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
          {phase !== 'recording' && (
            <button className="link" onClick={() => setMode('typed')} data-testid="type-instead">
              Type instead
            </button>
          )}
        </div>
      )}
      {phase === 'processing' && (
        <p className="processing" role="status" data-testid="processing">
          {STAGE_LABEL[stage]}
        </p>
      )}
      {error && (
        <div className="banner error" role="alert" data-testid="turn-error">
          {error}
          <div className="actions">
            <button onClick={() => void retry()}>Try transcribing again</button>
          </div>
        </div>
      )}
      {phase === 'result' && result && <TurnView turn={result} showBuyerLine={false} />}
      {phase === 'result' && (
        <div className="actions">
          <button className="primary" onClick={() => void next()} data-testid="next">
            Continue
          </button>
        </div>
      )}
    </div>
  );
}
