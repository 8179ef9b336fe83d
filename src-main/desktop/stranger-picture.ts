// The picture for a stranger notification, fetched the way any client would: the sighting's
// signed link from the hub, read over the hub's own HTTP port on this computer.
import type { Hub } from '../hub/hub.js';

const MAX_BYTES = 16 * 1024 * 1024;

export async function fetchStrangerPicture(
  hub: Pick<Hub, 'call' | 'info'>,
  strangerId: string,
  host: string,
): Promise<Buffer | null> {
  const port = hub.info.ports.http;
  if (port === null) return null;
  try {
    const stranger = await hub.call('getStranger', { id: strangerId }, { kind: 'local' });
    const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    const url = new URL(
      stranger.url,
      `http://${local.includes(':') ? `[${local}]` : local}:${port}`,
    );
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length <= MAX_BYTES ? bytes : null;
  } catch {
    // A notification without its picture is still worth showing.
    return null;
  }
}
