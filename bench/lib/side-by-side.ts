// Figures gathered per broker over repetitions, and the rows they make: the median of each
// broker's repetitions with min–max in the note, so ratios come from one run on one machine.
import type { Broker, BrokerName } from './brokers.js';
import type { Row } from './report.js';

export type Samples = Map<string, Map<BrokerName, number[]>>;

export function add(samples: Samples, metric: string, broker: BrokerName, value: number): void {
  let byBroker = samples.get(metric);
  if (!byBroker) samples.set(metric, (byBroker = new Map()));
  let values = byBroker.get(broker);
  if (!values) byBroker.set(broker, (values = []));
  values.push(value);
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const short: Record<BrokerName, string> = { hearth: 'H', aedes: 'A', mosquitto: 'M' };
const fixed = (value: number): string =>
  Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);

/** One row per metric: medians per broker, and every broker's min–max in the note. */
export function rows(samples: Samples, units: Record<string, string>, brokers: Broker[]): Row[] {
  const out: Row[] = [];
  for (const [metric, byBroker] of samples) {
    const pick = (name: BrokerName): number | null | undefined => {
      if (!brokers.some((broker) => broker.name === name)) return undefined;
      const values = byBroker.get(name);
      return values ? median(values) : null;
    };
    const ranges = [...byBroker]
      .map(([name, values]) => {
        const low = Math.min(...values);
        const high = Math.max(...values);
        return `${short[name]} ${fixed(low)}–${fixed(high)}`;
      })
      .join(', ');
    const n = Math.max(...[...byBroker.values()].map((values) => values.length));
    out.push({
      metric,
      unit: units[metric] ?? '',
      hearth: pick('hearth') ?? null,
      aedes: pick('aedes'),
      mosquitto: pick('mosquitto'),
      note: `median of ${n}; min–max ${ranges}`,
    });
  }
  return out;
}

/** Repetition r visits the brokers in turn, starting one further along each time. */
export function rotation<T>(items: T[], r: number): T[] {
  const k = r % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
