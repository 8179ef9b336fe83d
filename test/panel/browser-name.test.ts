// The name a browser's session gets in Settings → Tokens, from user-agent strings as the
// browsers really send them (desktop, phone, tablet, headless), in English and Chinese.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserName } from '../../src-renderer/auth/browser-name.js';
import { translator } from '../../src-renderer/i18n/translate.js';

const en = translator('en');
const zh = translator('zh-CN');

const AGENTS: Array<[string, string]> = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome on Windows',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'Edge on Windows',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
    'Opera on Windows',
  ],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    'Safari on macOS',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'Safari on iPhone',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    'Chrome on iPhone',
  ],
  [
    'Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
    'Safari on iPad',
  ],
  [
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    'Chrome on Android',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36',
    'Samsung Internet on Android',
  ],
  [
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome on ChromeOS',
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'Chrome on Linux',
  ],
  ['curl/8.5.0', 'A browser'],
  ['', 'A browser'],
  ['SomethingNew/1.0 (Windows NT 10.0)', 'A browser on Windows'],
];

test('browsers and systems are named from their real user-agent strings', () => {
  for (const [agent, name] of AGENTS) assert.equal(browserName(agent, en), name, agent);
});

test('the name is made in Chinese when the panel speaks Chinese', () => {
  assert.equal(browserName(AGENTS[3]![0], zh), 'Linux 上的 Firefox');
  assert.equal(browserName('', zh), '浏览器');
  assert.equal(browserName('SomethingNew/1.0 (Windows NT 10.0)', zh), 'Windows 上的浏览器');
});

test('a huge or hostile user agent gives a short name at once', () => {
  const hostile = 'Mozilla/5.0 ' + '('.repeat(50_000) + 'Chrome/'.repeat(10_000);
  const name = browserName(hostile, en);
  assert.ok(name.length <= 64, name);
});
