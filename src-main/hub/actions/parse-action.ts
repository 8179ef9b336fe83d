// Turns an inbox message into an action call: UTF-8 text, first word case-folded (contract 2.1).
export const MAX_ACTION_MESSAGE_BYTES = 64 * 1024;

export type ParsedAction =
  { ok: true; name: string; args: string[]; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

export function parseActionMessage(payload: Buffer): ParsedAction {
  if (payload.length > MAX_ACTION_MESSAGE_BYTES) {
    return {
      ok: false,
      reason: `message is ${payload.length} bytes; the limit is ${MAX_ACTION_MESSAGE_BYTES}`,
    };
  }
  let text: string;
  try {
    text = decoder.decode(payload);
  } catch {
    return { ok: false, reason: 'message is not valid UTF-8 text' };
  }
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const [first, ...args] = words;
  if (first === undefined) return { ok: false, reason: 'message is empty' };
  return { ok: true, name: first.toLowerCase(), args, text: text.trim() };
}
