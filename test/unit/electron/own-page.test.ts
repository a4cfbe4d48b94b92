import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ownPageMatcher } from '../../../src-main/electron/own-page';

describe('ownPageMatcher', () => {
  describe('the built renderer (a file: URL)', () => {
    const indexUrl = pathToFileURL('/opt/Sparring/resources/app.asar/out/renderer/index.html').href;
    const isOwnPage = ownPageMatcher(indexUrl);

    it('trusts exactly the loaded index.html, whatever route its hash shows', () => {
      expect(isOwnPage(indexUrl)).toBe(true);
      expect(isOwnPage(`${indexUrl}#/practice`)).toBe(true);
      expect(isOwnPage(`${indexUrl}?from=reload`)).toBe(true);
    });

    it('trusts the same file however its path is spelled', () => {
      expect(isOwnPage('file:///opt/Sparring/resources/app.asar/out/renderer/./index.html')).toBe(true);
      expect(isOwnPage('file:///opt/Sparring/resources/app.asar/out/%72enderer/index.html')).toBe(true);
      expect(isOwnPage('file://localhost/opt/Sparring/resources/app.asar/out/renderer/index.html')).toBe(true);
    });

    it.each([
      'file:///home/someone/Downloads/index.html',
      'file:///opt/Sparring/resources/app.asar/out/renderer/other.html',
      'file:///opt/Sparring/resources/app.asar/out/renderer/index.html.evil.html',
      'file:///opt/Sparring/resources/app.asar/out/renderer/',
      'file:///opt/Sparring/resources/app.asar/out%2Frenderer/index.html',
      'file://remote-host/opt/Sparring/resources/app.asar/out/renderer/index.html',
      'https://example.com/opt/Sparring/resources/app.asar/out/renderer/index.html',
      'about:blank',
      '',
      'not a url',
    ])('refuses %j', (url) => {
      expect(isOwnPage(url)).toBe(false);
    });

    it('keeps paths with spaces and non-ASCII letters working', () => {
      const spaced = pathToFileURL('/Users/Zoë Smith/Apps/Sparring.app/renderer/index.html').href;
      const matches = ownPageMatcher(spaced);
      expect(matches('file:///Users/Zo%C3%AB%20Smith/Apps/Sparring.app/renderer/index.html#/today')).toBe(true);
      expect(matches('file:///Users/Zo%C3%AB%20Smith/Apps/Other.app/renderer/index.html')).toBe(false);
    });
  });

  describe('the dev server (an http: URL)', () => {
    const isOwnPage = ownPageMatcher('http://localhost:5173');

    it('trusts every path on the dev server', () => {
      expect(isOwnPage('http://localhost:5173/')).toBe(true);
      expect(isOwnPage('http://localhost:5173/#/review')).toBe(true);
      expect(isOwnPage('http://localhost:5173/src/main.tsx')).toBe(true);
    });

    it.each([
      'http://localhost:51730/',
      'http://localhost:5173.example.com/',
      'http://localhost:5173@example.com/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'file:///tmp/index.html',
    ])('refuses the look-alike %j', (url) => {
      expect(isOwnPage(url)).toBe(false);
    });
  });

  it('refuses to trust a page loaded from any other scheme', () => {
    expect(() => ownPageMatcher('data:text/html,<p>hi</p>')).toThrow(/file: or http\(s\)/);
  });
});
