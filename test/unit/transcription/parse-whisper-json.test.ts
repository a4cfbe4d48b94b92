import { describe, expect, it } from 'vitest';
import { parseWhisperJson } from '../../../src-main/core/transcription/parse-whisper-json';

const seg = (text: string, from: number, to: number) => ({ offsets: { from, to }, text });

describe('parseWhisperJson', () => {
  it('turns one-word segments into timed words in seconds, joining continuations and skipping markers', () => {
    const raw = JSON.stringify({
      transcription: [
        seg('', 0, 60),
        seg(' Help', 60, 300),
        seg(' me', 300, 420),
        seg(' understand', 420, 900),
        seg('?', 900, 950),
        seg(' [BLANK_AUDIO]', 950, 2000),
        seg(' Um', 2000, 2300),
      ],
    });
    expect(parseWhisperJson(raw, 10)).toEqual({
      text: 'Help me understand? Um',
      words: [
        { word: 'Help', start: 0.06, end: 0.3 },
        { word: 'me', start: 0.3, end: 0.42 },
        { word: 'understand?', start: 0.42, end: 0.95 },
        { word: 'Um', start: 2, end: 2.3 },
      ],
    });
  });

  it('clamps times to the audio length (whisper pads to 30 s windows)', () => {
    const words = parseWhisperJson(JSON.stringify({ transcription: [seg(' late', 4000, 9000)] }), 5).words;
    expect(words).toEqual([{ word: 'late', start: 4, end: 5 }]);
  });
});
