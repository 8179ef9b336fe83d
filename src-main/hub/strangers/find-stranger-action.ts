// The original hub's `find_stranger [camera] [n]` (contract 2.1): replies on topic
// `find_stranger` with signed links to the newest n pictures, one per line (an empty reply when
// there are none). Bad arguments throw, so the dispatcher logs them and sends no reply.
import {
  builtInActionDescriptions,
  FIND_STRANGER_DEFAULT,
  FIND_STRANGER_MAX,
} from '../../shared/messages/built-in-actions.js';
import type { ActionDefinition } from '../actions/action-types.js';
import type { StrangerService } from './stranger-service.js';

const DEFAULT_COUNT = FIND_STRANGER_DEFAULT;
const MAX_COUNT = FIND_STRANGER_MAX;
const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createFindStrangerAction(
  strangers: Pick<StrangerService, 'list'>,
): ActionDefinition {
  return {
    name: 'find_stranger',
    description: builtInActionDescriptions.find_stranger,
    permission: 'control',
    devicesMayRun: false,
    source: 'built-in',
    run({ args }) {
      const { camera, count } = parseArgs(args);
      return strangers
        .list({ limit: count, camera })
        .map((stranger) => stranger.url)
        .join('\n');
    },
  };
}

/** `[camera] [n]`: a lone number is n (a camera id is never only digits in practice). */
export function parseArgs(args: string[]): { camera: string | undefined; count: number } {
  if (args.length > 2) throw new Error('use: find_stranger [camera] [n]');
  let [camera, n] = args;
  if (args.length === 1 && /^\d+$/.test(camera!)) [camera, n] = [undefined, camera];
  if (camera !== undefined && !DEVICE_ID.test(camera)) throw new Error('not a device id');
  const count = n === undefined ? DEFAULT_COUNT : Number(n);
  if (!/^\d+$/.test(n ?? '1') || count < 1 || count > MAX_COUNT) {
    throw new Error(`n must be a whole number from 1 to ${MAX_COUNT}`);
  }
  return { camera, count };
}
