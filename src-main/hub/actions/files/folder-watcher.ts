// Reloads action files when the folder changes. fs.watch reports one save as several events
// (and editors write through temporary files), so changes are gathered for a short while.
import fs from 'node:fs';
import type { Logger } from '../../log.js';

export const WATCH_DEBOUNCE_MS = 150;

export function watchFolder(dir: string, onChange: () => void, log: Logger): () => void {
  let timer: NodeJS.Timeout | null = null;
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(dir, { persistent: false }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        onChange();
      }, WATCH_DEBOUNCE_MS);
    });
  } catch (error) {
    log.warn('cannot watch the actions folder; files load at start only', { error });
    return () => {};
  }
  watcher.on('error', (error) => log.warn('the actions folder watch failed', { error }));
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
