// How the action host process is started, injected so each runtime uses what it can:
// headless Node 20 forks `process.execPath` with `--experimental-permission`; the packaged
// desktop app (RunAsNode fuse off, so no fork) uses Electron's utilityProcess, whose Node 22+
// spells the flag `--permission` (see docs/actions.md; not launchable on our build machines).
import { fork } from 'node:child_process';
import type { HubToHost } from './host-protocol.js';

export interface HostLaunch {
  /** The host script; the only file outside the actions folder it may read. */
  script: string;
  actionsDir: string;
  memoryMb: number;
}

/** A running host as the hub sees it, whatever started it. */
export interface HostChannel {
  readonly pid: number | undefined;
  send(message: HubToHost): void;
  onMessage(handler: (message: unknown) => void): void;
  onExit(handler: (code: number | null, signal: string | null) => void): void;
  /** The last few KB the host wrote to stderr, to explain a crash (out of memory). */
  stderrTail(): string;
  kill(): void;
}

export type HostSpawner = (launch: HostLaunch) => HostChannel;

/**
 * The runtime flags every spawner passes. No --allow-fs-write, --allow-child-process or
 * --allow-worker: those stay refused. Each path gets its own flag (Node 20.20 does not split
 * one flag on commas). Code generation from strings is off, so `Function('return process')`
 * fails loudly instead of looking like an escape.
 */
export function hostRuntimeFlags(launch: HostLaunch, permissionFlag: string): string[] {
  return [
    permissionFlag,
    `--allow-fs-read=${launch.actionsDir}`,
    `--allow-fs-read=${launch.script}`,
    `--max-old-space-size=${launch.memoryMb}`,
    '--disallow-code-generation-from-strings',
    '--no-warnings',
  ];
}

const STDERR_TAIL_BYTES = 4096;

/** Headless Node 20: a forked child of this very binary, with an empty environment. */
export const forkHostSpawner: HostSpawner = (launch) => {
  const child = fork(launch.script, [], {
    execArgv: hostRuntimeFlags(launch, '--experimental-permission'),
    // No token, no secret, not even PATH: nothing in the host is worth stealing.
    env: {},
    cwd: launch.actionsDir,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
  });
  child.on('error', () => {
    // A failed spawn also emits exit; the host's owner handles it there.
  });
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (handler) => child.on('message', handler),
    onExit: (handler) => child.on('exit', (code, signal) => handler(code, signal)),
    stderrTail: () => tail,
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};
