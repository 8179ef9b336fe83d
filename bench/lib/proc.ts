// The processes the bench started, so that a timeout or Ctrl-C stops exactly those (by PID),
// and what /proc says about a process: resident memory and CPU time.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const children = new Map<ChildProcess, string>();
/** Folders that belong to no one process (a hub's and its Mosquitto's, say). */
const folders = new Set<string>();

/** Remembers a started process and the temporary folder ('' for none) to remove if the bench is aborted. */
export function track<T extends ChildProcess>(child: T, tempDir: string): T {
  children.set(child, tempDir);
  return child;
}

/** Remembers a temporary folder to remove if the bench is aborted. */
export function trackDir(dir: string): string {
  folders.add(dir);
  return dir;
}

/** Removes a folder trackDir remembered, and forgets it. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGKILL to every process the bench started that still runs; removes their folders. */
export function killAll(): void {
  for (const [child, tempDir] of children) {
    if (isRunning(child)) child.kill('SIGKILL');
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (isRunning(child)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU time of a process so far, in ms (10 ms resolution). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU time spent from now on by a process and by the bench itself (the load generator). */
export function cpuMeter(pid: number): () => { processMs: number; benchMs: number } {
  const processBefore = cpuMs(pid);
  const benchBefore = process.cpuUsage();
  return () => {
    const bench = process.cpuUsage(benchBefore);
    return { processMs: cpuMs(pid) - processBefore, benchMs: (bench.user + bench.system) / 1000 };
  };
}
