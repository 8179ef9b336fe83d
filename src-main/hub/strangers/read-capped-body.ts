// Reads a raw request body up to a cap, counting while the bytes arrive: one byte over and the
// reading stops at once, so a 100-times-too-large upload costs the hub no more than the cap.
import type { IncomingMessage } from 'node:http';

export type CappedBody =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

export function readCappedBody(req: IncomingMessage, cap: number): Promise<CappedBody> {
  const declared = Number(req.headers['content-length']);
  // A declared length over the cap is refused before a single byte is read.
  if (Number.isFinite(declared) && declared > cap) {
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: CappedBody): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > cap) {
        req.pause();
        chunks.length = 0;
        finish({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, bytes: Buffer.concat(chunks, total) });
    const onClose = (): void => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}
