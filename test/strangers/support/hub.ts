// A real in-process hub whose stranger settings are set before it starts (they are part of
// state.json, so they are written there between a first start and the real one).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StrangerSettings } from '../../../src-main/hub/store/state-schema.js';
import { makeTempDir, removeDir } from '../../helpers/hub-process.js';
import { checkedFetch } from '../../helpers/openapi-check.js';
import { startTestHub, type TestHub } from '../../helpers/in-process-hub.js';

export async function startHubWith(strangers: Partial<StrangerSettings> = {}): Promise<TestHub> {
  const dataDir = makeTempDir('hearth-strangers-');
  if (Object.keys(strangers).length > 0) {
    await (await startTestHub({ dataDir })).close();
    const path = join(dataDir, 'state.json');
    const state = JSON.parse(readFileSync(path, 'utf8')) as {
      settings: { strangers: StrangerSettings };
    };
    Object.assign(state.settings.strangers, strangers);
    writeFileSync(path, JSON.stringify(state, null, 2));
  }
  const hub = await startTestHub({ dataDir });
  return {
    ...hub,
    async close() {
      await hub.close();
      removeDir(dataDir);
    },
  };
}

/** fetch with the admin token (or none), returning status, headers and the raw body. */
export async function get(
  hub: TestHub,
  path: string,
  token: string | null = hub.token,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await checkedFetch(`${hub.httpUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}
