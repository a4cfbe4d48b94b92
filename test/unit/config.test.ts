/** Configuration from the environment is read at the edges, once, into a plain object core is given. */
import { describe, expect, it } from 'vitest';
import { configFromEnvironment, FILLER_PROMPT } from '../../src-main/core';

const base = { dataDir: '/d', builtInScenarioDirs: ['/s'], appRoots: ['/r'] };

describe('configFromEnvironment', () => {
  it('is all off and default with an empty environment', () => {
    expect(configFromEnvironment({}, base)).toEqual({
      ...base,
      modelPath: null,
      whisperBinary: null,
      modelBaseUrl: null,
      transcription: {},
      judge: null,
      speech: null,
    });
  });

  it('reads every SPARRING_ variable, and ignores values that make no sense', () => {
    const config = configFromEnvironment(
      {
        SPARRING_MODEL: '/m.bin',
        SPARRING_BEAM_SIZE: '5',
        SPARRING_FILLER_PROMPT: '0',
        SPARRING_LIVE_TRANSCRIPTION: '0',
        SPARRING_WHISPER_THREADS: 'lots',
        SPARRING_JUDGE_BASE_URL: 'http://127.0.0.1:11434/v1',
        SPARRING_JUDGE_MODEL: 'llama',
        SPARRING_TTS_BASE_URL: 'http://127.0.0.1:9000/v1',
      },
      base,
    );
    expect(config.modelPath).toBe('/m.bin');
    expect(config.transcription).toEqual({ beamSize: 5, initialPrompt: null, live: false });
    expect(config.judge).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama' });
    expect(config.speech).toMatchObject({ model: 'tts-1', defaultVoice: 'alloy' });
    expect(configFromEnvironment({ SPARRING_BEAM_SIZE: '0' }, base).transcription).toEqual({});
    expect(FILLER_PROMPT).toMatch(/\bum\b/i);
  });
});
