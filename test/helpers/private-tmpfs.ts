// Runs a fixture script inside a private mount namespace whose `dataDir` is a small tmpfs of
// its own, so a full disk can be made without touching the machine's (nothing outside the
// namespace sees the mount). Needs root, as the mDNS tests' network namespaces do; without it
// the test fails, saying so. Returns the fixture's last stdout line, parsed as JSON.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function runWithPrivateTmpfs<T>(
  fixture: string,
  dataDir: string,
  sizeMiB: number,
): Promise<T> {
  const script = `mount -t tmpfs -o size=${sizeMiB}m,mode=0700 tmpfs "$1" && exec "$2" --import tsx "$3" "$1"`;
  const { stdout } = await run(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      script,
      'sh',
      dataDir,
      process.execPath,
      fixture,
    ],
    { env: { ...process.env, HEARTH_MDNS: '0' }, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}
