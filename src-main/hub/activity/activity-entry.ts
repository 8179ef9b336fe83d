// Makes an activity entry from a code and its parameters: its kind and its English both come
// from the code's definition (src-main/shared/messages/activity.ts), never from free text.
import {
  activityMessages,
  type ActivityCode,
  type ActivityParams,
} from '../../shared/messages/activity.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';
import type { ActivityInput } from './activity-log.js';

export type ActivityExtras = Pick<ActivityInput, 'actor' | 'by' | 'address' | 'data'>;

export function activityEntry<C extends ActivityCode>(
  code: C,
  params: ActivityParams<C>,
  extras: ActivityExtras = {},
): ActivityInput {
  const def = activityMessages[code];
  const english = def.en as (params: ActivityParams<C>) => string;
  return {
    kind: def.kind,
    code,
    params: params as MessageParams,
    message: english(params),
    ...extras,
  };
}
