import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutsideDataDirError, resolveInside } from '../../src-main/core/paths';

describe('resolveInside', () => {
  const root = '/data/sparring';
  it('resolves a relative path inside the root', () => {
    expect(resolveInside(root, 'audio/ab/abc.wav')).toBe(join(root, 'audio/ab/abc.wav'));
  });
  it.each(['../secret.txt', 'audio/../../etc/passwd', '/etc/passwd', '..', '', 'a\0b', '.'])('refuses %j', (p) => {
    expect(() => resolveInside(root, p)).toThrow(OutsideDataDirError);
  });
  it('allows names that merely start with dots', () => {
    expect(resolveInside(root, '..hidden/x.wav')).toBe(join(root, '..hidden/x.wav'));
  });
});
