import { describe, expect, it } from 'vitest';
import { isCountryCode, isHttpUrl, isLanguageTag } from './formats';

const table = (fn: (v: string) => boolean, good: string[], bad: string[]) => {
  it.each(good)('accepts %j', (v) => expect(fn(v)).toBe(true));
  it.each(bad)('refuses %j', (v) => expect(fn(v)).toBe(false));
};

describe('isCountryCode', () =>
  table(isCountryCode, ['BY', 'RU', 'CL', 'US', 'XK'], ['by', 'XX', 'EU', 'BLR', 'B', '']));
describe('isLanguageTag', () =>
  table(
    isLanguageTag,
    ['ru', 'be', 'en-GB', 'zh-Hant-TW', 'be-Latn', 'yue'],
    ['russian', 'r', 'en_GB', 'en-', '', '12', 'en GB']
  ));
describe('isHttpUrl', () =>
  table(
    isHttpUrl,
    ['https://www.reuters.com', 'http://example.com/a?b=c', 'https://t.me/channel/123'],
    [
      'ftp://example.com',
      'javascript:alert(1)',
      'www.reuters.com',
      'https://',
      'https://exa mple.com',
      '',
    ]
  ));
