/** Configuration from the environment is read at the edges, once, into a plain object core is given. */
import { describe, expect, it } from 'vitest';
import { configFromEnvironment, FILLER_PROMPT } from '../../src-main/core';

const base = { dataDir: '/d', builtInScenarioDirs: ['/s'], appRoots: ['/r'] };

describe('configFromEnvironment', () => {
  it('is all off and default with an empty environment', () => {
    const { teamCredentials, ...rest } = configFromEnvironment({}, base);
    expect(rest).toEqual({
      ...base,
      modelPath: null,
      whisperBinary: null,
      modelBaseUrl: null,
      transcription: {},
      judge: null,
      speech: null,
    });
    // No team store: nothing is sent anywhere until someone connects one.
    expect(teamCredentials?.load()).toBeNull();
    expect(teamCredentials?.kept).toBe('memory');
  });

  it('takes the team store URL from SPARRING_TEAM_DATABASE_URL', () => {
    const url = 'postgres://sp_riley:secret@db.example:5432/team?sslmode=require';
    const { teamCredentials } = configFromEnvironment({ SPARRING_TEAM_DATABASE_URL: url }, base);
    expect(teamCredentials?.load()).toBe(url);
    expect(teamCredentials?.kept).toBe('environment');
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
