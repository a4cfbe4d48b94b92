import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { Recorder } from '../audio/recorder';
import { isSameAttempt, isShowing, sendPractice, usePractice } from './practice-store';
import { trackScoring } from './practice-actions';

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
  /** The attempt and step this answer is for (results for another are not shown). */
  attemptId: number;
  step: number;
  recorder: Recorder | null;
  recordingId: string;
  seq: number;
  /** Chunks go to disk one after another, in order. */
  chain: Promise<unknown>;
  stopping: boolean;
  /**
   * Why core refused a chunk (a full disk, the length limit): nothing more is sent, and the
   * answer is stopped and saved with what core kept.
   */
  refused?: Error;
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

  /**
   * Microphone off now; the answer so far is sent and finished. Resolves when it is scored (or
   * failed). Stopped before the microphone was even open (Leave during the permission prompt), or
   * before any audio arrived, the recording is cancelled instead: there is nothing to keep.
   */
  const stop = useCallback(async () => {
    const s = live.current;
    if (!s || s.stopping) return; // a second stop (a key and auto-stop at once) does nothing
    s.stopping = true;
    live.current = null;
    setLevel(0);
    if (!s.recorder) return; // still opening: start() sees `stopping` and cancels
    const rest = await s.recorder.stop().catch(() => null);
    if (!rest && s.seq === 0) {
      await api.recording.cancel({ recordingId: s.recordingId }).catch(() => undefined);
      if (isShowing(s))
        sendPractice({ type: 'failed', message: 'Nothing was recorded: press Answer, then speak.', answerKept: false });
      return;
    }
    if (isShowing(s)) sendPractice({ type: 'record-stop' });
    try {
      if (rest && !s.refused)
        s.chain = s.chain.then(() => api.recording.append({ recordingId: s.recordingId, seq: s.seq++, pcm16: rest }));
      await s.chain;
      const answered = await trackScoring(api.recording.finish({ recordingId: s.recordingId }));
      // A result for a role-play the rep has since left is not shown; one for a step moved on from
      // while it was scored lands among the earlier answers.
      if (isSameAttempt(s)) sendPractice({ type: 'answered', ...answered });
    } catch (e) {
      if ((e as { code?: string }).code === 'typed_instead') return; // the typed answer's result is shown instead
      if (isSameAttempt(s))
        sendPractice({ type: 'failed', message: (e as Error).message, answerKept: true, step: s.step });
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
    if (!session || session.phase !== 'ready' || session.leaving || live.current) return;
    const { attemptId, step } = session;
    // Held from the first moment, so a stop (or a second click) while core or the microphone opens is seen.
    const s: Live = {
      attemptId,
      step,
      recorder: null,
      recordingId: '',
      seq: 0,
      chain: Promise.resolve(),
      stopping: false,
    };
    live.current = s;
    try {
      s.recordingId = (await api.recording.start({ attemptId, step })).recordingId;
      if (s.stopping) return void (await api.recording.cancel({ recordingId: s.recordingId }).catch(() => undefined));
      const send = (pcm16: Uint8Array) => {
        if (s.refused) return;
        const seq = s.seq++;
        s.chain = s.chain
          .then(() =>
            s.refused
              ? undefined
              : api.recording.append({ recordingId: s.recordingId, seq, pcm16 }).then((r) => setSeconds(r.seconds)),
          )
          .catch((e: Error) => {
            if (s.refused) return;
            // Say why, and save what was kept: every chunk after this one would be refused too.
            s.refused = e;
            sendPractice({ type: 'notice', message: e.message });
            void stop();
          });
      };
      activity.current = { heard: false, lastLoud: performance.now(), started: performance.now(), lastPaint: 0 };
      setSeconds(0);
      const recorder = await Recorder.open(send, onLevel, {
        deviceId: optionsRef.current.micId || undefined,
        // Unplugged mid-answer: keep and score what was captured, and say what happened.
        onEnded: () => {
          sendPractice({ type: 'notice', message: MIC_GONE });
          void stop();
        },
      });
      if (s.stopping) {
        // Left while the microphone was opening: close it, and keep nothing (nothing was said yet).
        await recorder.stop();
        await api.recording.cancel({ recordingId: s.recordingId }).catch(() => undefined);
        return;
      }
      s.recorder = recorder;
      optionsRef.current.onMicsChanged(); // device names become available once access is granted
      sendPractice({ type: 'record-start' });
    } catch (e) {
      if (live.current === s) live.current = null;
      if (s.recordingId) await api.recording.cancel({ recordingId: s.recordingId }).catch(() => undefined);
      if (isShowing(s) && !s.stopping) {
        sendPractice({
          type: 'failed',
          message: `${(e as Error).message} You can type your answer instead.`,
          answerKept: false,
        });
      }
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
