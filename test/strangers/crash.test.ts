// A real child process stores pictures in a loop and is SIGKILLed at seeded moments. After each
// kill the folder, reopened, lists only complete, readable pictures: every one the child had
// reported stored, no half file, no temp file, no file the index does not list.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sniffPicture } from '../../src-main/hub/strangers/picture-format.js';
import { PictureStore, pictureFileName } from '../../src-main/hub/strangers/picture-store.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { seededRandom as seeded } from '../helpers/seeded-random.js';

/** Runs the loop until it has stored `atLeast` pictures, waits `extraMs`, then SIGKILLs it. */
function runAndKill(
  dir: string,
  firstSeed: number,
  atLeast: number,
  extraMs: number,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/strangers/fixtures/store-loop.ts', dir, String(firstSeed)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!armed && stdout.split('\n').length > atLeast) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the loop ended by itself: ${stderr}`));
      else resolve([...stdout.matchAll(/^stored ([0-9a-f]{24})$/gm)].map((m) => m[1]!));
    });
  });
}

test('SIGKILL in the middle of storing never leaves a half picture in the gallery', async () => {
  const dir = join(makeTempDir('hearth-crash-'), 'strangers');
  const random = seeded(20_240_601);
  const reported = new Set<string>();
  let caughtMidWrite = 0;
  try {
    for (let round = 0; round < 10; round++) {
      const ids = await runAndKill(dir, round * 10_000, 2, Math.floor(random() * 120));
      ids.forEach((id) => reported.add(id));
      if (readdirSync(dir).some((name) => name.startsWith('.tmp-'))) caughtMidWrite++;
      const store = PictureStore.open(dir);
      const listed = store.query({ limit: 100_000 });
      const listedIds = new Set(listed.map((record) => record.id));
      for (const id of reported) assert.ok(listedIds.has(id), `${id} was reported stored`);
      for (const record of listed) {
        const read = await store.read(record.id);
        assert.ok(read, `${record.id} is readable`);
        assert.equal(sniffPicture(read.bytes).ok, true, `${record.id} is a whole JPEG`);
        assert.equal(createHash('sha256').update(read.bytes).digest('hex'), record.sha256);
      }
      assert.deepEqual(
        readdirSync(dir).sort(),
        [...listed.map(pictureFileName), 'index.jsonl'].sort(),
        'no temp file, no unlisted file',
      );
      await store.close();
    }
    // The seeded kill times do land inside writes (a temp file was there to clean up).
    assert.ok(caughtMidWrite > 0, 'no kill landed mid-write');
  } finally {
    removeDir(join(dir, '..'));
  }
});
