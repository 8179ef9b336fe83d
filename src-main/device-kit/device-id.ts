// A device's id is its MQTT client id and part of every topic it uses (contract 2.2), so the
// hub refuses anything outside this alphabet; checking here gives a clear error at start
// instead of a refused connection later.
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidDeviceId(id: string): boolean {
  return DEVICE_ID_PATTERN.test(id);
}

/** Turns any text (a host name, say) into something usable inside a device id. */
export function toDeviceIdPart(text: string, maxLength: number): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, Math.max(0, maxLength));
  return cleaned.replace(/-+$/, '');
}

/**
 * A name travels as the tail of `hand_shake <id> <kind> <name…>`: one line, words separated by
 * single spaces, and short (the hub refuses huge names).
 */
export function cleanDeviceName(name: string, maxLength = 64): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, maxLength).trim();
}
