/**
 * Speaks the buyer's line with the system voice (Web Speech API) when one exists. Where there
 * is none (as in a headless browser) it reports that once, and the line is shown as text only.
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

/** Resolves when the line has been spoken (or at once when there is no voice). */
export async function speak(text: string): Promise<void> {
  const list = await voices();
  if (!list.length) return;
  speechSynthesis.cancel();
  await new Promise<void>((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = list.find((v) => v.lang.startsWith('en')) ?? list[0]!;
    u.onend = () => resolve();
    u.onerror = () => resolve();
    speechSynthesis.speak(u);
  });
}

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) speechSynthesis.cancel();
}
