import { useState } from 'react';
import { api } from '../api';
import { hasVoice, playClip, speak, stopSpeaking } from '../audio/buyer-voice';

/**
 * Plays a buyer line as a rep would hear it: the scenario's clip or synthesised voice, else the
 * system voice. `voiceNote` says why a line fell back to (or could not get) the system voice.
 */
export function useLinePlayer() {
  const [voiceNote, setVoiceNote] = useState<string | null>(null);

  const play = async (scenarioId: string, turnId: string, line: string, voice?: string) => {
    stopSpeaking();
    try {
      const source = await api.voice.buyerLine({ scenarioId, turnId });
      if (source.mediaPath) return await playClip(api.media.url(source.mediaPath)).done;
    } catch (e) {
      setVoiceNote(`${(e as Error).message} Trying the system voice.`);
    }
    if (!(await hasVoice())) {
      setVoiceNote('No system voice is available here, so buyer lines are shown as text only.');
      return;
    }
    await speak(line, voice);
  };

  return { voiceNote, play };
}
