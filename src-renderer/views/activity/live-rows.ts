// The live feed's rows: each hub event worded by the panel (its type's label, who did it, what
// happened), never its raw data.
import type { HubEvent } from '../../../src-main/shared/events.js';
import type { LiveEvent } from '../../hooks/live-event-log.js';
import type { Translate } from '../../i18n/translate.js';
import { formatDuration } from '../format.js';
import {
  commandText,
  entryWhoText,
  lockStateText,
  resultText,
  whoText,
} from '../home/lock-words.js';
import { actionErrorText, warningText } from '../hub-text/hub-text.js';
import type { Speaker } from '../hub-text/speaker.js';
import type { ActivityRow } from './activity-rows.js';

export function liveRow({ n, event }: LiveEvent, speaker: Speaker): ActivityRow {
  const { t } = speaker;
  const data = event.data as Record<string, unknown>;
  const device = data.device as { id: string; name: string } | undefined;
  return {
    key: `live-${n}`,
    at: event.at,
    kind: t(`event.${event.type}`),
    kindCode: event.type,
    device: device ? `${device.name} (${device.id})` : text(data.id ?? data.camera),
    who: whoOf(event, t),
    details: describeEvent(event, speaker),
    raw: event,
  };
}

function whoOf(event: HubEvent, t: Translate): string {
  if (event.type === 'lock_command') {
    const { by } = (event as HubEvent<'lock_command'>).data;
    return by ? whoText(by, t) : '';
  }
  if (event.type === 'action_error') {
    // null: nobody asked (a file the hub loaded itself); absent: an older hub, by its words.
    const { by, caller } = (event as HubEvent<'action_error'>).data;
    return by === null ? '' : entryWhoText(by, caller, t);
  }
  return '';
}

function describeEvent(event: HubEvent, speaker: Speaker): string {
  const { t } = speaker;
  switch (event.type) {
    case 'warning':
      return warningText((event as HubEvent<'warning'>).data, speaker);
    case 'action_error': {
      const { problem, params, message } = (event as HubEvent<'action_error'>).data;
      return actionErrorText({ code: problem, params, message }, speaker);
    }
    case 'broker_connection':
      return t('eventText.broker', { state: (event as HubEvent<'broker_connection'>).data.state });
    case 'device_joined':
    case 'device_pending':
    case 'device_rejected':
    case 'device_updated': {
      const { device } = (event as HubEvent<'device_joined'>).data;
      return t('eventText.device', {
        deviceKind: t(`word.deviceKind.${device.kind}`),
        status: t(`devices.status.${device.status}`),
        availability: t(`devices.availability.${device.availability}`),
      });
    }
    case 'device_left':
      return t('eventText.deviceLeft');
    case 'availability':
      return t(`devices.availability.${(event as HubEvent<'availability'>).data.availability}`);
    case 'device_state': {
      const { state, battery } = (event as HubEvent<'device_state'>).data;
      return t('eventText.deviceState', { state, battery });
    }
    case 'lock_state': {
      const { previous, state, battery } = (event as HubEvent<'lock_state'>).data;
      return t('eventText.lockState', {
        previous: lockStateText(previous, t),
        state: lockStateText(state, t),
        battery,
      });
    }
    case 'lock_command': {
      const { command, result, ms, by } = (event as HubEvent<'lock_command'>).data;
      return t('eventText.lockCommand', {
        command: commandText(command, t),
        who: by ? whoText(by, t) : '',
        result: result === 'ok' ? 'ok' : resultText(result, t),
        ms: Math.round(ms),
      });
    }
    case 'stranger':
      return t('eventText.stranger', { camera: (event as HubEvent<'stranger'>).data.camera });
    case 'permit_join': {
      const { open, secondsLeft } = (event as HubEvent<'permit_join'>).data;
      return open
        ? t('activityText.permit_join_opened', { seconds: formatDuration(secondsLeft, t) })
        : t('activityText.permit_join_closed');
    }
  }
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
