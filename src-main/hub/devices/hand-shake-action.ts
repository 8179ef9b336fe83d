// `hand_shake <id> [kind] [name…]` (contract 2.3): a device asks to join, or asks again for the
// secret it was approved with. Only the device `<id>` itself may send it. The answer goes to the
// device on `hearth/devices/<id>/hand_shake` and, in the original hub's words, to token clients
// on `hand_shake` (`<id> approved|pending|rejected`, never a secret).
import type { DeviceKind } from '../../shared/devices.js';
import { DeviceKindSchema, DeviceNameSchema } from '../../shared/devices.js';
import type { ActionDefinition } from '../actions/action-types.js';
import type { MessageBus } from '../broker/bus.js';
import type { ActionProblemOf } from '../../shared/messages/action-errors.js';
import { builtInActionDescriptions } from '../../shared/messages/built-in-actions.js';
import { ActionProblemError } from '../actions/action-problem.js';
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { DeviceRegistry } from './device-registry.js';
import type { PermitJoin } from './permit-join.js';
import type { RateLimit } from './rate-limit.js';
import { deviceTopic } from './topics.js';

export interface HandShakeDependencies {
  registry: DeviceRegistry;
  permitJoin: PermitJoin;
  bus: MessageBus;
  rateLimit: RateLimit;
  activity: Pick<ActivityLog, 'record'>;
}

type Status = 'approved' | 'pending' | 'rejected';

export function createHandShakeAction(deps: HandShakeDependencies): ActionDefinition {
  return {
    name: 'hand_shake',
    description: builtInActionDescriptions.hand_shake,
    permission: 'anyone',
    devicesMayRun: true,
    source: 'built-in',
    run(call) {
      const { caller } = call;
      const action = 'hand_shake';
      if (caller.kind !== 'device')
        refuse({ problem: 'hand_shake_not_a_device', params: { action } });
      const [id, kindWord, ...rest] = call.args;
      if (id === undefined) refuse({ problem: 'hand_shake_without_id', params: { action } });
      if (id !== caller.deviceId) {
        const params = { action, named: id.slice(0, 64), clientId: caller.deviceId };
        refuse({ problem: 'hand_shake_other_id', params });
      }
      // `token` as a username means a token client, so a device of that id could never log in.
      if (id === 'token') refuse({ problem: 'hand_shake_reserved_id', params: { action } });
      if (!deps.rateLimit.take(caller.address)) {
        refuse({ problem: 'hand_shake_too_often', params: { action, address: caller.address } });
      }
      const { kind, name } = parseKindAndName(id, kindWord, rest);
      const status = decide(deps, id, kind, name, caller.address);
      answer(deps, id, status, caller.address);
      return null;
    },
  };
}

function parseKindAndName(
  id: string,
  kindWord: string | undefined,
  rest: string[],
): { kind: DeviceKind; name: string } {
  const asKind = DeviceKindSchema.safeParse(kindWord?.toLowerCase());
  const words = asKind.success ? rest : kindWord === undefined ? [] : [kindWord, ...rest];
  const name = DeviceNameSchema.safeParse(words.length > 0 ? words.join(' ') : id);
  if (!name.success) refuse({ problem: 'hand_shake_bad_name', params: { action: 'hand_shake' } });
  return { kind: asKind.success ? asKind.data : 'other', name: name.data };
}

function decide(
  deps: HandShakeDependencies,
  id: string,
  kind: DeviceKind,
  name: string,
  address: string,
): Status {
  const { registry, permitJoin } = deps;
  const record = registry.find(id);
  if (!record) return registry.addJoining(id, kind, name, address, permitJoin.isOpen()).status;
  if (record.status !== 'pending') return record.status;
  registry.refreshJoining(id, kind, name, address);
  return permitJoin.isOpen() ? registry.approve(id, 'soon').status : 'pending';
}

function answer(deps: HandShakeDependencies, id: string, status: Status, address: string): void {
  let toDevice: string = status;
  if (status === 'approved') {
    const record = deps.registry.find(id)!;
    // The secret goes only to the address the device joined from: someone else on the LAN
    // claiming the id of an approved device before it has logged in gets nothing.
    if (record.address !== address && !record.secretUsed) {
      deps.activity.record(
        activityEntry(
          'secret_withheld',
          { id, address, joinedFrom: record.address },
          { actor: id, address, by: { kind: 'device', id, name: record.name } },
        ),
      );
      toDevice = 'pending';
    } else {
      const secret = deps.registry.secretToDeliver(id);
      toDevice = secret ? `approved ${secret}` : 'approved';
    }
  }
  const word = toDevice.split(' ')[0];
  // Told only once the join is in state.json (joins are written in batches). If it could not
  // be written, the device is told nothing and asks again; the owner sees state_not_saved.
  void deps.registry.whenSaved().then(
    () => {
      void deps.bus.publish(deviceTopic(id, 'hand_shake'), toDevice, { qos: 1 }).catch(() => {});
      void deps.bus.publish('hand_shake', `${id} ${word}`, { qos: 1 }).catch(() => {});
    },
    () => {},
  );
}

/** Refuses the hand_shake with a problem the activity history and the panel can word. */
function refuse(problem: ActionProblemOf): never {
  throw new ActionProblemError(problem);
}
