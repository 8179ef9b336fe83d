// A hub SIGKILLed in the middle of writing never leaves a torn state: over many seeded kill
// times, state.json and state.json.bak always parse, validate and hold a prefix of the writes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { silentLogger } from '../../src-main/hub/log.js';
import { StateStore } from '../../src-main/hub/store/state-store.js';
import { HubStateSchema } from '../../src-main/hub/store/state-schema.js';
import type { HubState } from '../../src-main/hub/store/state-schema.js';
import { kill, removeDir, seededRandom, startFixture, tempDir } from './support.js';

const SEEDS = 20;
const dir = tempDir('hearth-crash-');
after(() => removeDir(dir));

/** Reads a state file as the next start would, and returns the write counter it holds. */
function counterIn(file: string, hubId: string): number {
  const state: HubState = HubStateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  assert.equal(state.hubId, hubId, `${file}: same hub`);
  const k = Number(/^Hearth (\d+)$/.exec(state.name)?.[1] ?? 0);
  // Both fields come from the same write k: a mix of two writes would break this.
  assert.equal(
    state.settings.broker.maxConnections,
    k === 0 ? 1000 : 1000 + k,
    `${file}: one write`,
  );
  return k;
}

test(`state survives SIGKILL mid-write (${SEEDS} seeded kill times)`, async () => {
  const first = StateStore.open({ dataDir: dir, log: silentLogger, onWarning: () => {} });
  const hubId = first.state.hubId;
  first.close();
  let previous = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const random = seededRandom(seed);
    const writer = startFixture('write-loop', [dir]);
    const ready = await writer.waitForLine(/^ready \d+$/);
    assert.equal(
      ready,
      `ready ${previous}`,
      `seed ${seed}: the writer starts where the last one stopped`,
    );
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 120)));
    await kill(writer);
    assert.equal(writer.child.signalCode, 'SIGKILL', `seed ${seed}: killed, not finished`);
    assert.doesNotMatch(writer.stderr(), /warning/, `seed ${seed}: no recovery was needed`);

    // The last counter the writer printed had returned from update(): it is on disk.
    const confirmed = Math.max(
      previous,
      ...writer.lines.filter((l) => /^\d+$/.test(l)).map(Number),
    );
    const main = counterIn(path.join(dir, 'state.json'), hubId);
    const bak = counterIn(path.join(dir, 'state.json.bak'), hubId);
    const context = `seed ${seed}: confirmed ${confirmed}, state.json ${main}, .bak ${bak}`;
    assert.ok(main === confirmed || main === confirmed + 1, context);
    assert.ok(bak === main || bak === main - 1, context);
    assert.ok(bak >= confirmed, context);

    // The next start takes over the dead writer's lock and clears its temp files.
    const warnings: string[] = [];
    const reopened = StateStore.open({
      dataDir: dir,
      log: silentLogger,
      onWarning: (code) => warnings.push(code),
    });
    assert.equal(reopened.state.name, main === 0 ? 'Hearth' : `Hearth ${main}`, context);
    assert.deepEqual(warnings, [], context);
    reopened.close();
    assert.deepEqual(
      fs.readdirSync(dir).sort(),
      ['state.json', 'state.json.bak'],
      `${context}: no temp files or lock left`,
    );
    assert.equal(
      counterIn(path.join(dir, 'state.json.bak'), hubId),
      main,
      `${context}: .bak caught up`,
    );
    previous = main;
  }
  assert.ok(previous > 0, 'the writers got some writes done');
});
