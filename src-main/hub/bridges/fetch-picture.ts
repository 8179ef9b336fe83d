// A picture a bridge points at (Home Assistant's image `url_topic`: the topic carries a URL, not
// the bytes). Only http and https, a 5 s budget, and never more than the picture size limit is
// read: a bridge's URL must not make the hub hang or fill its memory.
export type FetchedPicture = { ok: true; bytes: Buffer } | { ok: false; problem: string };

const TIMEOUT_MS = 5_000;

export async function fetchPicture(text: string, maxBytes: number): Promise<FetchedPicture> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'its url_topic did not carry a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `only http and https pictures are fetched, not ${url.protocol}` };
  }
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok || !response.body) {
      return { ok: false, problem: `${url.host} answered ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await response.body.cancel();
      return { ok: false, problem: `the picture is ${declared} bytes, over the ${maxBytes} limit` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) {
        return { ok: false, problem: `the picture is over the ${maxBytes} byte limit` };
      }
      chunks.push(Buffer.from(chunk));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    return { ok: false, problem: `it could not be fetched (${(error as Error).message})` };
  }
}
