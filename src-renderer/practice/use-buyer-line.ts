import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { hasVoice, playClip, speak, stopSpeaking } from '../audio/buyer-voice';
import { sendPractice, useSession } from './practice-store';

export type BuyerVoice = 'clip' | 'synthesized' | 'system' | 'none';

/**
 * The buyer speaks first: the scenario's clip, a synthesised line, or the system voice. Answering
 * is possible once the line has been said, or at once when the rep skips it (or there is no voice).
 */
export function useBuyerLine() {
  const { scenario, turn, step, phase } = useSession();
  const [voice, setVoice] = useState<BuyerVoice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [noVoice, setNoVoice] = useState(false);
  /** How many times the line has been played to its end (replays included). */
  const [plays, setPlays] = useState(0);
  const playing = useRef<{ id: number; stop(): void }>({ id: 0, stop: () => {} });

  const silence = () => {
    playing.current.stop();
    playing.current = { id: playing.current.id + 1, stop: () => {} };
  };

  const say = useCallback(async () => {
    playing.current.stop();
    const id = playing.current.id + 1;
    playing.current = { id, stop: stopSpeaking };
    const current = () => playing.current.id === id;
    setVoice(null);
    let used: BuyerVoice = 'none';
    try {
      const line = await api.voice.buyerLine({ scenarioId: scenario.id, turnId: turn.id });
      if (line.mediaPath && current()) {
        const clip = playClip(api.media.url(line.mediaPath));
        playing.current = { id, stop: clip.stop };
        await clip.done;
        used = line.source;
      }
    } catch (e) {
      setProblem(`${(e as Error).message.replace(/\.$/, '')}; using the system voice instead.`);
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
    setVoice(used);
    sendPractice({ type: 'line-done' });
  }, [scenario, turn]);

  // Each new step's line is said once it is on screen (phase 'buyer'); a replay says it again.
  useEffect(() => {
    if (phase === 'buyer') void say();
  }, [phase, step, say]);
  useEffect(() => silence, []);

  return {
    voice,
    plays,
    noVoice,
    problem,
    replay: () => sendPractice({ type: 'replay' }),
    /** The rep does not want to wait for the buyer to finish. */
    skip: () => {
      silence();
      sendPractice({ type: 'line-done' });
    },
  };
}
