// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { consumeNavigation, navigate } from '../../browser/router.js';
import { initialLang } from '../../browser/session.js';

describe('shared router: which changes of address move the focus', () => {
  test('a navigation is reported once; a replaced address (a filter) is none', () => {
    consumeNavigation();
    navigate('/werkplek/taken/t1');
    expect(location.pathname).toBe('/werkplek/taken/t1');
    expect(consumeNavigation()).toBe(true);
    expect(consumeNavigation()).toBe(false);
    navigate('/werkplek/?team=a', { replace: true });
    expect(location.search).toBe('?team=a');
    expect(consumeNavigation()).toBe(false);
  });

  test('back and forward count as navigations', () => {
    consumeNavigation();
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(consumeNavigation()).toBe(true);
  });
});

describe('the language to start in', () => {
  test('?lang= wins, then the last choice, then Dutch', () => {
    localStorage.removeItem('test.lang');
    expect(initialLang('test.lang', '')).toBe('nl');
    localStorage.setItem('test.lang', 'en');
    expect(initialLang('test.lang', '')).toBe('en');
    expect(initialLang('test.lang', '?lang=nl')).toBe('nl');
    expect(initialLang('test.lang', '?lang=fr')).toBe('en');
  });
});
