// `lock all` / `unlock all` (contract 2.4): every approved lock at once, each lock's own result,
// and one line a person reads: "3 of 4 locked; back door jammed".
import type { LockService } from './lock-service.js';
import type { CommandResult, Requester } from './lock-types.js';

export interface LockAllResult {
  summary: string;
  results: Array<{ id: string; ok: boolean; state: string; error: string | null }>;
}

const PROBLEM: Record<string, string> = {
  jammed: 'jammed',
  offline: 'offline',
  no_confirmation: 'did not confirm',
  superseded: 'got a newer command',
  not_a_lock: 'is not a lock',
  unknown_device: 'is unknown',
};

export async function commandAll(
  locks: LockService,
  command: 'LOCK' | 'UNLOCK',
  who: Requester,
  nameOf: (id: string) => string,
): Promise<LockAllResult> {
  const ids = locks.lockIds();
  const outcomes = await Promise.all(ids.map((id) => locks.command(id, command, who)));
  return {
    summary: summarize(outcomes, command, nameOf),
    results: outcomes.map((outcome) => ({
      id: outcome.id,
      ok: outcome.ok,
      state: outcome.state,
      error: outcome.ok ? null : outcome.code,
    })),
  };
}

export function summarize(
  outcomes: CommandResult[],
  command: 'LOCK' | 'UNLOCK',
  nameOf: (id: string) => string,
): string {
  const done = command === 'LOCK' ? 'locked' : 'unlocked';
  if (outcomes.length === 0) return `no locks to ${command.toLowerCase()}`;
  const succeeded = outcomes.filter((outcome) => outcome.ok).length;
  const problems = outcomes.flatMap((outcome) =>
    outcome.ok ? [] : [`${nameOf(outcome.id)} ${PROBLEM[outcome.code] ?? outcome.code}`],
  );
  const head = `${succeeded} of ${outcomes.length} ${done}`;
  return problems.length > 0 ? `${head}; ${problems.join(', ')}` : head;
}
