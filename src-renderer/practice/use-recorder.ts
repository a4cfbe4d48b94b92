import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { Recorder } from '../audio/recorder';
import { sendPractice, usePractice } from './practice-store';

/** Meter level (0..1 on a -60..0 dBFS scale) above which the rep counts as speaking. */
const SPEECH_LEVEL = 0.3;
/** An answer stops by itself after this long, whatever happens. */
export const MAX_ANSWER_SECONDS = 180;
export const SILENCE_CHOICES = [0, 1.5, 2.5, 4] as const;
const SILENCE_KEY = 'sparring.autoStopSeconds';

function savedSilenceSeconds(): number {
  const v = Number(localStorage.getItem(SILENCE_KEY) ?? '2.5');
  return (SILENCE_CHOICES as readonly number[]).includes(v) ? v : 2.5;
}

interface Live {
  recorder: Recorder | null;
  recordingId: string;
  seq: number;
  /** Chunks go to disk one after another, in order. */
  chain: Promise<unknown>;
  stopping: boolean;
}

/**
 * Records one answer: opens the microphone, streams 250 ms chunks to core (appended to the WAV on
 * disk as they arrive), drives the level meter, stops on silence or the time limit, and on stop
 * turns the microphone off at once, then has the answer finished (transcribed, scored). Leaving the
 * screen mid-answer stops it the same way, so nothing keeps recording and nothing said is lost.
 */
export function useRecorder(options: { micId: string; onMicsChanged(): void; held(): boolean }) {
  const [level, setLevel] = useState(0);
  const [seconds, setSeconds] = useState(0);
  const [silenceSeconds, setSilence] = useState(savedSilenceSeconds);
  const live = useRef<Live | null>(null);
  const activity = useRef({ heard: false, lastLoud: 0, started: 0, lastPaint: 0 });
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const silenceRef = useRef(silenceSeconds);
  silenceRef.current = silenceSeconds;

  /** Microphone off now; the answer so far is sent and finished. Resolves when it is scored (or failed). */
  const stop = useCallback(async () => {
    const s = live.current;
    if (!s || s.stopping) return; // a second stop (a key and auto-stop at once) does nothing
    s.stopping = true;
    live.current = null;
    const { session } = usePractice.getState();
    const step = session?.step;
    sendPractice({ type: 'record-stop' });
    setLevel(0);
    try {
      const rest = await s.recorder?.stop();
      if (rest)
        s.chain = s.chain.then(() => api.recording.append({ recordingId: s.recordingId, seq: s.seq++, pcm16: rest }));
      await s.chain;
      const answered = await api.recording.finish({ recordingId: s.recordingId });
      if (usePractice.getState().session?.step === step) sendPractice({ type: 'answered', ...answered });
    } catch (e) {
      if (usePractice.getState().session?.step === step)
        sendPractice({ type: 'failed', message: (e as Error).message, answerKept: true });
    }
  }, []);

  const onLevel = useCallback(
    (value: number) => {
      const a = activity.current;
      const now = performance.now();
      if (value > SPEECH_LEVEL) {
        a.heard = true;
        a.lastLoud = now;
      }
      if (now - a.lastPaint > 50) {
        a.lastPaint = now;
        setLevel(value);
      }
      const silentFor = (now - a.lastLoud) / 1000;
      const silence = silenceRef.current;
      const quiet = a.heard && !optionsRef.current.held() && silence > 0 && silentFor >= silence;
      if (quiet || (now - a.started) / 1000 >= MAX_ANSWER_SECONDS) void stop();
    },
    [stop],
  );

  const start = useCallback(async () => {
    const session = usePractice.getState().session;
    if (!session || session.phase !== 'ready' || live.current) return;
    try {
      const { recordingId } = await api.recording.start({ attemptId: session.attemptId, step: session.step });
      const s: Live = { recorder: null, recordingId, seq: 0, chain: Promise.resolve(), stopping: false };
      live.current = s;
      const send = (pcm16: Uint8Array) => {
        const seq = s.seq++;
        s.chain = s.chain.then(() =>
          api.recording.append({ recordingId, seq, pcm16 }).then((r) => setSeconds(r.seconds)),
        );
      };
      activity.current = { heard: false, lastLoud: performance.now(), started: performance.now(), lastPaint: 0 };
      setSeconds(0);
      s.recorder = await Recorder.open(send, onLevel, {
        deviceId: optionsRef.current.micId || undefined,
        // Unplugged mid-answer: keep and score what was captured, and say what happened.
        onEnded: () => {
          sendPractice({ type: 'notice', message: MIC_GONE });
          void stop();
        },
      });
      if (s.stopping) {
        await s.recorder.stop(); // left while the microphone was opening
        return;
      }
      optionsRef.current.onMicsChanged(); // device names become available once access is granted
      sendPractice({ type: 'record-start' });
    } catch (e) {
      const s = live.current;
      live.current = null;
      if (s) await api.recording.cancel({ recordingId: s.recordingId }).catch(() => undefined);
      sendPractice({
        type: 'failed',
        message: `${(e as Error).message} You can type your answer instead.`,
        answerKept: false,
      });
    }
  }, [onLevel, stop]);

  // Leaving the screen (or the app navigating away) never leaves the microphone on.
  useEffect(() => () => void stop(), [stop]);

  const chooseSilence = (v: number) => {
    setSilence(v);
    localStorage.setItem(SILENCE_KEY, String(v));
  };
  return { start, stop, level, seconds, silenceSeconds, chooseSilence, isRecording: () => live.current !== null };
}

const MIC_GONE =
  'The microphone stopped (unplugged or taken by another app). What you said up to then is saved and scored; pick a ' +
  'microphone to go on.';
