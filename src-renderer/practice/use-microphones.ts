import { useCallback, useEffect, useState } from 'react';
import { listMicrophones } from '../audio/recorder';

const MIC_KEY = 'sparring.micId';

/** The microphones on offer (kept current as devices come and go) and the rep's remembered choice. */
export function useMicrophones() {
  const [mics, setMics] = useState<{ id: string; label: string }[]>([]);
  const [micId, setMicId] = useState(() => localStorage.getItem(MIC_KEY) ?? '');
  const refresh = useCallback(() => void listMicrophones().then(setMics), []);
  useEffect(() => {
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
  }, [refresh]);
  const choose = (id: string) => {
    setMicId(id);
    localStorage.setItem(MIC_KEY, id);
  };
  /** The chosen device when it is still plugged in, else the default (''). */
  const current = mics.some((m) => m.id === micId) ? micId : '';
  return { mics, micId: current, choose, refresh };
}
