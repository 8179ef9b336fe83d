// Turns an inbox message into an action call: UTF-8 text, first word case-folded (contract 2.1).
import type { ActionProblemOf } from '../../shared/messages/action-errors.js';

export const MAX_ACTION_MESSAGE_BYTES = 64 * 1024;

export type ParsedAction =
  | { ok: true; name: string; args: string[]; text: string }
  | {
      ok: false;
      problem: ActionProblemOf<'message_too_long' | 'message_not_text' | 'message_empty'>;
    };

const decoder = new TextDecoder('utf-8', { fatal: true });

export function parseActionMessage(payload: Buffer): ParsedAction {
  if (payload.length > MAX_ACTION_MESSAGE_BYTES) {
    return {
      ok: false,
      problem: {
        problem: 'message_too_long',
        params: { bytes: payload.length, limit: MAX_ACTION_MESSAGE_BYTES },
      },
    };
  }
  let text: string;
  try {
    text = decoder.decode(payload);
  } catch {
    return { ok: false, problem: { problem: 'message_not_text', params: {} } };
  }
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const [first, ...args] = words;
  if (first === undefined) return { ok: false, problem: { problem: 'message_empty', params: {} } };
  return { ok: true, name: first.toLowerCase(), args, text: text.trim() };
}
