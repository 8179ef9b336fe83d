// Where a stranger picture can be fetched and shared. The hub hands out signed links relative
// to itself; the panel shows them absolute (this page's origin is the hub's) and also in the
// original hub's `/get_pic?id=` form, which accepts the same signature.
import type { StrangerView } from '../../../src-main/shared/operations/strangers.js';
import { hubOrigin } from '../../api/hub-origin.js';

export function pictureSrc(stranger: StrangerView): string {
  return new URL(stranger.url, hubOrigin()).href;
}

export function shareLinks(stranger: StrangerView): { image: string; getPic: string } {
  const image = new URL(stranger.url, hubOrigin());
  const getPic = new URL('/get_pic', hubOrigin());
  getPic.searchParams.set('id', stranger.id);
  for (const name of ['exp', 'sig']) {
    const value = image.searchParams.get(name);
    if (value !== null) getPic.searchParams.set(name, value);
  }
  return { image: image.href, getPic: getPic.href };
}
