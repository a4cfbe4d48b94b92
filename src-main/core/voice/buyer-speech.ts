/**
 * Optional buyer voices from an OpenAI-compatible text-to-speech endpoint (off unless configured:
 * nothing leaves the machine by default). Each line is synthesised once and kept on disk, keyed by
 * what determines the sound (endpoint model, voice, text), so replaying and re-practising are free
 * and work offline afterwards.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { SparringError } from '../errors';

export interface SpeechConfig {
  baseUrl: string;
  model: string;
  /** The endpoint's voice when the persona names none it knows. */
  defaultVoice: string;
  apiKey?: string;
  timeoutMs?: number;
}

export const VOICE_CACHE_DIR = 'voice-cache';

/**
 * The data-relative path of the synthesised line, creating it on first use. `voice` is the
 * persona's or turn's preference; endpoint voices are single lowercase words ("alloy", "onyx"),
 * so a system-voice preference such as "en-GB" falls back to the default.
 */
export async function synthesizedLine(
  config: SpeechConfig,
  dataDir: string,
  text: string,
  voice?: string,
): Promise<string> {
  const chosen = voice && /^[a-z]+$/.test(voice) ? voice : config.defaultVoice;
  const key = createHash('sha256')
    .update(JSON.stringify([config.baseUrl, config.model, chosen, text]))
    .digest('hex');
  const relative = `${VOICE_CACHE_DIR}/${key}.wav`;
  const file = join(dataDir, relative);
  if (existsSync(file)) return relative;
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey || 'not-needed',
    timeout: config.timeoutMs ?? 20_000,
    maxRetries: 1,
  });
  let audio: Buffer;
  try {
    const response = await client.audio.speech.create({
      model: config.model,
      voice: chosen,
      input: text,
      response_format: 'wav',
    });
    audio = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new SparringError(
      'voice_unavailable',
      `The voice service at ${config.baseUrl} did not answer (${(error as Error).message}); the line is shown as text.`,
    );
  }
  if (audio.length === 0)
    throw new SparringError(
      'voice_unavailable',
      `The voice service at ${config.baseUrl} sent no audio; the line is shown as text.`,
    );
  mkdirSync(join(dataDir, VOICE_CACHE_DIR), { recursive: true });
  writeFileSync(`${file}.part`, audio);
  renameSync(`${file}.part`, file);
  return relative;
}
