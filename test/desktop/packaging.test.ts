// The desktop package (issue 12): electron-builder.yml checked against electron-builder's own
// schema, then the unpacked app (`--dir`) really built and looked inside. The Electron binary
// cannot be downloaded here, so a stand-in Electron folder is used; it has no fuse sentinel,
// so this build turns fuses off (the configuration's fuses are checked separately below).
// Needs `npm run build` first (the app's dist/ is what gets packed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

const PROJECT = resolve('.');
const quietLogger = { isEnabled: false, add: () => {} } as never;

describe('electron-builder configuration', () => {
  let config: Configuration;
  before(async () => {
    config = await getConfig(PROJECT, join(PROJECT, 'electron-builder.yml'), null);
  });

  test('is valid by electron-builder’s own schema', async () => {
    await validateConfiguration(config, quietLogger);
  });

  test('a mistake in it is caught by that schema (the check can fail)', async () => {
    await assert.rejects(
      validateConfiguration(
        { ...config, electronFuses: { runAsNod: false } } as never,
        quietLogger,
      ),
      /electronFuses/,
    );
  });

  test('app id, product name, asar, every platform, and the fuses that keep it an app', () => {
    assert.equal(config.appId, 'org.hearth.hub');
    assert.equal(config.productName, 'Hearth');
    assert.equal(config.asar, true);
    assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
    assert.equal(config.win?.target, 'nsis');
    assert.equal(config.mac?.target, 'dmg');
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    for (const icon of ['assets/icon.png', 'assets/tray.png', 'assets/icons/256x256.png']) {
      assert.ok(existsSync(icon), `${icon} exists`);
    }
  });

  test('npm run dist builds for the current platform', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<
      string,
      string
    >;
    assert.match(scripts.dist ?? '', /npm run build && electron-builder/);
  });
});

describe('the unpacked app (--dir, stand-in Electron)', () => {
  const work = makeTempDir('hearth-package-');
  const standIn = join(work, 'electron-stand-in');
  const out = join(work, 'release');
  let files: string[] = [];

  before(async () => {
    assert.ok(existsSync('dist/main/main.js'), 'dist/ is missing: run "npm run build" first');
    mkdirSync(join(standIn, 'resources'), { recursive: true });
    writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho stand-in\n', { mode: 0o755 });
    const { status, stdout, stderr } = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/desktop/fixtures/build-unpacked.ts', standIn, out],
      { encoding: 'utf8', timeout: 240_000 },
    );
    assert.equal(status, 0, `the build failed:\n${stdout}\n${stderr}`);
    files = listPackage(join(out, 'linux-unpacked', 'resources', 'app.asar'), {
      isPack: false,
    }).map((file) => file.replaceAll('\\', '/'));
  });
  after(() => removeDir(work));

  test('contains the app: main process, preload, panel, icons, package.json', () => {
    for (const needed of [
      '/package.json',
      '/dist/main/main.js',
      '/dist/main/preload.cjs',
      '/dist/main/hub/hub.js',
      '/dist/renderer/index.html',
      '/assets/tray.png',
      '/assets/icons/256x256.png',
      '/node_modules/aedes/package.json',
      // The action sandbox: its worker script and the engine, read from app.asar in the app.
      '/dist/main/hub/actions/sandbox/sandbox-worker.js',
      '/node_modules/quickjs-emscripten-core/package.json',
      '/node_modules/@jitl/quickjs-ng-wasmfile-release-sync/dist/emscripten-module.wasm',
      '/node_modules/@jitl/quickjs-ng-wasmfile-release-sync/dist/emscripten-module.mjs',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packed`);
    }
  });

  test('and nothing it should not: no tests, sources, source maps, env files or dev tools', () => {
    const forbidden = files.filter(
      (file) =>
        /^\/(test|src-main|src-renderer|bench|scripts|docs|\.ci|release)\//.test(file) ||
        /\.map$/.test(file) ||
        /(^|\/)\.env/.test(file) ||
        /^\/dist\/.*\.ts$/.test(file) ||
        /^\/node_modules\/(electron|electron-builder|typescript|vite|eslint|playwright-core|tsx)\//.test(
          file,
        ),
    );
    assert.deepEqual(forbidden, []);
  });

  test('the bundled panel (React) is not shipped again as node_modules', () => {
    const bundled = files.filter((file) =>
      /^\/node_modules\/(react|react-dom|qrcode)\//.test(file),
    );
    assert.deepEqual(bundled, [], 'vite has bundled these into dist/renderer');
  });
});
