/**
 * Plays the buyer's line: a clip shipped with the scenario or a synthesised line (both as media
 * URLs), else the system voice (Web Speech API), preferring the persona's voice. Where there is
 * no voice at all (as in a headless browser) the caller shows the line as text only.
 */
function voices(): Promise<SpeechSynthesisVoice[]> {
  if (!('speechSynthesis' in window)) return Promise.resolve([]);
  const now = speechSynthesis.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 400); // some engines never fire voiceschanged when they have no voices
  });
}

export async function hasVoice(): Promise<boolean> {
  return (await voices()).length > 0;
}

/** The system voice whose name or language contains the preference ("Samantha", "en-GB"), else an English one. */
function pickVoice(list: SpeechSynthesisVoice[], preference?: string): SpeechSynthesisVoice {
  const wanted = preference?.toLowerCase();
  return (
    (wanted && list.find((v) => v.name.toLowerCase().includes(wanted) || v.lang.toLowerCase() === wanted)) ||
    list.find((v) => v.lang.startsWith('en')) ||
    list[0]!
  );
}

/** Resolves when the line has been spoken (or at once when there is no voice). */
export async function speak(text: string, preference?: string): Promise<void> {
  const list = await voices();
  if (!list.length) return;
  speechSynthesis.cancel();
  await new Promise<void>((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = pickVoice(list, preference);
    u.onend = () => resolve();
    u.onerror = () => resolve();
    speechSynthesis.speak(u);
  });
}

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) speechSynthesis.cancel();
}

/**
 * Plays an audio URL to its end. Rejects when it cannot be played (missing file, blocked
 * autoplay), so the caller can fall back to another voice. `stop()` ends it early (skip).
 */
export function playClip(url: string): { done: Promise<void>; stop(): void } {
  const audio = new Audio(url);
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    audio.addEventListener('ended', () => resolve(), { once: true });
    audio.addEventListener('error', () => reject(new Error('the clip could not be played')), { once: true });
    audio.play().catch(reject);
  });
  return {
    done,
    stop: () => {
      audio.pause();
      finish();
    },
  };
}
