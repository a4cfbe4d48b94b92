import { describe, expect, it } from 'vitest';
import { allowPermission } from '../../../src-main/electron/permissions';

const OWN = 'file:///app/out/renderer/index.html';
const isOwnPage = (url: string) => url.startsWith(OWN);

describe('allowPermission', () => {
  describe('permission requests (mediaTypes)', () => {
    it('grants the microphone to our page', () => {
      expect(allowPermission('media', { mediaTypes: ['audio'] }, `${OWN}#/practice`, isOwnPage)).toBe(true);
    });

    it.each([
      ['the camera', ['video']],
      ['the microphone with the camera', ['audio', 'video']],
      ['no device at all', []],
      ['a device type we do not know', ['screen']],
    ])('refuses %s', (_what, mediaTypes) => {
      expect(allowPermission('media', { mediaTypes }, OWN, isOwnPage)).toBe(false);
    });

    it('refuses when the details name no device', () => {
      expect(allowPermission('media', {}, OWN, isOwnPage)).toBe(false);
    });

    it('refuses the microphone to any other page', () => {
      expect(allowPermission('media', { mediaTypes: ['audio'] }, 'https://example.com/', isOwnPage)).toBe(false);
      expect(allowPermission('media', { mediaTypes: ['audio'] }, '', isOwnPage)).toBe(false);
    });
  });

  describe('permission checks (mediaType)', () => {
    it('grants the microphone to our page', () => {
      expect(allowPermission('media', { mediaType: 'audio' }, OWN, isOwnPage)).toBe(true);
    });

    it.each(['video', 'unknown'])('refuses %s', (mediaType) => {
      expect(allowPermission('media', { mediaType }, OWN, isOwnPage)).toBe(false);
    });
  });

  it('grants notifications to our page only (the daily reminder)', () => {
    expect(allowPermission('notifications', {}, OWN, isOwnPage)).toBe(true);
    expect(allowPermission('notifications', {}, 'https://example.com/', isOwnPage)).toBe(false);
  });

  it.each([
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'openExternal',
    'fullscreen',
    'fileSystem',
    'unknown',
  ])('refuses %s even to our page', (permission) => {
    expect(allowPermission(permission, { mediaTypes: ['audio'], mediaType: 'audio' }, OWN, isOwnPage)).toBe(false);
  });
});
