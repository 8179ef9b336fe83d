// A joining device may only say `hand_shake …` (contract 2.3.1). Checked on the raw bytes in
// constant time: no decoding, JSON or regex per packet. The dispatcher parses it properly later.

const WORD = Buffer.from('hand_shake', 'ascii');
// parseActionMessage trims the text first; a few leading blanks are tolerated the same way.
const MAX_LEADING_BLANKS = 8;

/** Whether the payload's first word is `hand_shake`, in any ASCII case. */
export function startsWithHandShake(payload: Buffer): boolean {
  let start = 0;
  while (start < MAX_LEADING_BLANKS && start < payload.length && isBlank(payload[start]!)) start++;
  if (payload.length - start < WORD.length) return false;
  for (let i = 0; i < WORD.length; i++) {
    if (lowerAscii(payload[start + i]!) !== WORD[i]) return false;
  }
  const next = payload[start + WORD.length];
  return next === undefined || isBlank(next);
}

function lowerAscii(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

function isBlank(byte: number): boolean {
  // space, \t, \n, \v, \f, \r
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}
