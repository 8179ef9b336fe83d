// Whether the process that wrote a lock file still runs. A pid alone is not enough: a SIGKILLed
// hub's pid can be reused (in a container the hub is often pid 1 on every start), and a killed
// child stays a zombie until reaped. On Linux /proc tells both apart; elsewhere kill(pid, 0) is
// the best available answer.
import fs from 'node:fs';

/** The kernel's start time of a process (clock ticks since boot), or null where unknown. */
export function processStartTime(pid: number): string | null {
  const stat = readProcStat(pid);
  return stat ? (stat.fields[19] ?? null) : null;
}

export function isProcessAlive(pid: number, expectedStart: string | null): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProcStat(pid);
  if (!stat) return true;
  if (stat.fields[0] === 'Z' || stat.fields[0] === 'X') return false;
  const start = stat.fields[19];
  return expectedStart === null || start === undefined || start === expectedStart;
}

function readProcStat(pid: number): { fields: string[] } | null {
  if (process.platform !== 'linux') return null;
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so split after the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  // fields[0] is the state (field 3 in proc(5)), fields[19] the start time (field 22).
  return {
    fields: text
      .slice(close + 2)
      .trim()
      .split(' '),
  };
}
