// A small levelled logger. Logs go to stderr so that stdout carries only what scripts read
// (the ready line, a newly generated token).
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(component: string): Logger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function parseLogLevel(value: string | undefined): LogLevel {
  return value && value in rank ? (value as LogLevel) : 'info';
}

export type LogWriter = (line: string, level: LogLevel) => void;

export function createLogger(
  level: LogLevel,
  write: LogWriter = (line) => process.stderr.write(line + '\n'),
  component = 'hub',
): Logger {
  const emit = (at: LogLevel, message: string, fields?: LogFields): void => {
    if (rank[at] < rank[level]) return;
    const extra = fields && Object.keys(fields).length > 0 ? ' ' + safeJson(fields) : '';
    write(`${new Date().toISOString()} ${at.padEnd(5)} [${component}] ${message}${extra}`, at);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (name) => createLogger(level, write, `${component}/${name}`),
  };
}

export const silentLogger: Logger = createLogger('silent');

function safeJson(fields: LogFields): string {
  try {
    return JSON.stringify(fields, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message } : value,
    );
  } catch {
    return '{"fields":"unserialisable"}';
  }
}

/**
 * A writer that holds debug/info lines back until `release()` (the hub is ready) and drops them
 * on `discard()` (start-up failed), so a failed start prints just its one reason; warnings and
 * errors always go out at once.
 */
export function heldUntilReady(
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): {
  writer: LogWriter;
  release(): void;
  discard(): void;
} {
  let held: string[] | null = [];
  return {
    writer: (line, level) => {
      if (held && (level === 'debug' || level === 'info')) held.push(line);
      else write(line);
    },
    release() {
      for (const line of held ?? []) write(line);
      held = null;
    },
    discard() {
      held = null;
    },
  };
}
