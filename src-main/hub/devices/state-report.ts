// What a device reports on its `state` topic (contract 2.2): a word (`LOCKED`) or JSON
// (`{"state":"LOCKED","battery":87}`). Parsed once per report; the access rules never parse.
import { z } from 'zod';

export const MAX_STATE_REPORT_BYTES = 1024;
const Word = z.string().regex(/^[A-Za-z_]{1,32}$/);
const JsonReport = z.object({
  state: Word,
  battery: z.number().int().min(0).max(100).optional(),
});

export type StateReport = { state: string; battery: number | null };

export function parseStateReport(payload: Buffer): StateReport | null {
  if (payload.length === 0 || payload.length > MAX_STATE_REPORT_BYTES) return null;
  const text = payload.toString('utf8').trim();
  if (text.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = JsonReport.safeParse(value);
    return parsed.success
      ? { state: parsed.data.state.toUpperCase(), battery: parsed.data.battery ?? null }
      : null;
  }
  return Word.safeParse(text).success ? { state: text.toUpperCase(), battery: null } : null;
}
