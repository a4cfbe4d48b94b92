import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../src-main/core/audio/byte-range';

describe('parseByteRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-200', { start: 800, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
  ])('%s', (h, expected) => expect(parseByteRange(h, 1000)).toEqual(expected));
  it('is null without a usable header and unsatisfiable past the end', () => {
    expect(parseByteRange(undefined, 1000)).toBeNull();
    expect(parseByteRange('items=1-2', 1000)).toBeNull();
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
  });
});
