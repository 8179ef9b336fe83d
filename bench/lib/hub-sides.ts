// Hub scenarios for Hearth (embedded) and Hearth on Mosquitto: the same measurement run once per
// broker (one after the other), its rows put side by side, every failure labelled with the side
// it happened on, and a side that could not run said so in the notes.
import { HUB_BROKER_LABEL, hubBrokerMissing, type HubBroker } from './hub.js';
import { sideBySide, type Row, type ScenarioResult } from './report.js';

/** What one side of a hub scenario measured. */
export interface SideResult {
  rows: Row[];
  failures: Record<string, number>;
  details?: Record<string, unknown>;
  /** What this side could not measure, and why. */
  notes?: string[];
  skipped?: string;
}

/** Short labels for failure counts when both sides ran. */
export const SIDE_PREFIX: Record<HubBroker, string> = {
  embedded: 'embedded',
  mosquitto: 'on Mosquitto',
};

/** Adds a side's failure counts, labelled with the side when both run. */
export function addFailures(
  into: Record<string, number>,
  from: Record<string, number>,
  prefix: string | null,
): void {
  for (const [kind, n] of Object.entries(from)) {
    const key = prefix ? `${prefix}: ${kind}` : kind;
    into[key] = (into[key] ?? 0) + n;
  }
}

/** The brokers that can run here, and a note for each that cannot. */
export function available(brokers: HubBroker[]): { runnable: HubBroker[]; notes: string[] } {
  const runnable: HubBroker[] = [];
  const notes: string[] = [];
  for (const broker of brokers) {
    const missing = hubBrokerMissing(broker);
    if (missing) notes.push(`${HUB_BROKER_LABEL[broker]} not measured: ${missing}`);
    else runnable.push(broker);
  }
  return { runnable, notes };
}

export async function perBroker(
  scenario: string,
  brokers: HubBroker[],
  run: (broker: HubBroker) => Promise<SideResult>,
): Promise<ScenarioResult> {
  const { runnable, notes } = available(brokers);
  const failures: Record<string, number> = {};
  const details: Record<string, unknown> = {};
  const sides: Partial<Record<HubBroker, Row[]>> = {};
  const skipped: string[] = [];
  const labelled = runnable.length > 1;
  for (const broker of runnable) {
    const prefix = labelled ? SIDE_PREFIX[broker] : null;
    console.log(`  -- ${HUB_BROKER_LABEL[broker]}`);
    try {
      const side = await run(broker);
      sides[broker] = side.rows;
      addFailures(failures, side.failures, prefix);
      if (side.details) details[broker] = side.details;
      for (const note of side.notes ?? []) if (!notes.includes(note)) notes.push(note);
      if (side.skipped) skipped.push(`${HUB_BROKER_LABEL[broker]}: ${side.skipped}`);
    } catch (error) {
      console.error(error);
      addFailures(failures, { [`aborted: ${(error as Error).message}`]: 1 }, prefix);
      sides[broker] = [];
    }
  }
  const rows = sideBySide(
    brokers.includes('embedded') ? (sides.embedded ?? []) : null,
    brokers.includes('mosquitto') ? (sides.mosquitto ?? []) : null,
  );
  return {
    scenario,
    rows,
    failures,
    details: { hubBrokers: runnable, ...details },
    ...(notes.length ? { notes } : {}),
    ...(skipped.length ? { skipped: skipped.join('; ') } : {}),
  };
}
