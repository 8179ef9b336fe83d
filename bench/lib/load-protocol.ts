// What the bench and its load workers (load-worker.ts) say to each other, and the bench's side:
// starting a worker and sending it commands.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Target } from './mqtt.js';
import { stopChild, track } from './proc.js';

export type Command =
  | {
      op: 'connect';
      target: Target;
      count: number;
      prefix: string;
      username?: string;
      password?: string;
      /** Source addresses, used in turn. */
      addresses: string[];
      /** Connections in flight at once. */
      concurrency: number;
      subscribe?: { filter: string; qos: 0 | 1 };
    }
  | {
      /** Bare sockets that send one CONNECT and wait for its CONNACK: a device, no more. */
      op: 'storm';
      target: Target;
      count: number;
      prefix: string;
      username?: string;
      password?: string;
      addresses: string[];
      concurrency: number;
    }
  | { op: 'reset' }
  | { op: 'await'; expected: number; timeoutMs: number }
  | {
      op: 'publish';
      /** `{k}` is replaced by the sender's number. */
      topic: string;
      publishers: number;
      count: number;
      qos: 0 | 1;
      bytes: number;
      window: number;
    }
  | { op: 'echo'; from: string; to: string; qos: 0 | 1 }
  | { op: 'listen'; replies: string; qos: 0 | 1 }
  | { op: 'requests'; to: string; rate: number; count: number; qos: 0 | 1; bytes: number }
  | { op: 'close' };

export interface Reply {
  id: number;
  ok: boolean;
  error?: string;
  /** CPU time the worker used for this command. */
  cpuMs: number;
  ms?: number;
  received?: number;
  samples?: number[];
}

const WORKER = resolve('bench/lib/load-worker.ts');

export class LoadWorker {
  private next = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    child.once('exit', (code) => {
      const reply = { id: 0, ok: false, error: `load worker exited (${code})`, cpuMs: 0 };
      for (const resolveReply of this.waiting.values()) resolveReply(reply);
      this.waiting.clear();
    });
  }

  static start(): LoadWorker {
    const child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new LoadWorker(track(child, ''));
  }

  /** Sends a command; throws when the worker reports a failure. */
  async send(command: Command): Promise<Reply> {
    const id = this.next++;
    const reply = await new Promise<Reply>((resolveReply) => {
      this.waiting.set(id, resolveReply);
      this.child.send({ ...command, id });
    });
    if (!reply.ok) throw new Error(`${command.op}: ${reply.error}`);
    return reply;
  }

  async stop(): Promise<void> {
    if (this.child.connected) {
      await this.send({ op: 'close' }).catch(() => {});
      this.child.disconnect();
    }
    await stopChild(this.child, 2_000);
  }
}
