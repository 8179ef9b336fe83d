// Sizes and durations in the units a person reads ("2 GB", "30 days", "90 seconds"), converted
// exactly to and from the unit the hub stores (bytes, ms, seconds, minutes, days, MB). Decimal
// text becomes a fraction of big integers, so "1.1" seconds is 1100 ms, never
// 1100.0000000000002; a value the hub's unit cannot hold (half a byte, a third of a day) is
// refused, never rounded. Sizes count in 1024s, as the hub does ("2 GB" is 2147483648 bytes).

export type UnitId = 'bytes' | 'KB' | 'MB' | 'GB' | 'ms' | 'seconds' | 'minutes' | 'hours' | 'days';

/** Each unit in the smallest unit of its kind: bytes, or milliseconds. */
const unitSize: Record<UnitId, bigint> = {
  bytes: 1n,
  KB: 1024n,
  MB: 1024n ** 2n,
  GB: 1024n ** 3n,
  ms: 1n,
  seconds: 1000n,
  minutes: 60_000n,
  hours: 3_600_000n,
  days: 86_400_000n,
};

export interface Quantity {
  /** The unit the hub keeps the value in. */
  stored: UnitId;
  /** The hub takes only whole numbers of `stored` (z.number().int()). */
  whole: boolean;
  /** The units a person chooses from, smallest first, all of `stored`'s kind. */
  units: readonly UnitId[];
}

/** What a person sees and types: the number as text, and its unit. */
export interface Amount {
  amount: string;
  unit: UnitId;
}

/** Why typed text is not sent: not a number, not whole, not exact, too large or too long. */
export type QuantityProblem = 'number' | 'whole' | 'exact' | 'range' | 'digits';

export type Stored = { ok: true; value: number } | { ok: false; problem: QuantityProblem };

interface Fraction {
  num: bigint;
  den: bigint;
}

/** The amount in the hub's unit, or why it cannot be stored exactly. */
export function toStored(amount: Amount, quantity: Quantity): Stored {
  const typed = parseDecimal(amount.amount);
  if (!typed) return { ok: false, problem: 'number' };
  const value = reduce({
    num: typed.num * unitSize[amount.unit],
    den: typed.den * unitSize[quantity.stored],
  });
  if (quantity.whole && value.den !== 1n) return { ok: false, problem: 'whole' };
  const text = decimalText(value);
  if (text === null) return { ok: false, problem: 'exact' };
  const stored = Number(text);
  // Beyond 2^53 (or with too many digits) a double no longer holds the value itself.
  const held = Number.isFinite(stored) ? fractionOfNumber(stored) : null;
  if (!held || held.num !== value.num || held.den !== value.den) {
    return { ok: false, problem: Math.abs(stored) > Number.MAX_SAFE_INTEGER ? 'range' : 'digits' };
  }
  return { ok: true, value: stored };
}

/**
 * The hub's value in the largest unit that shows it as a whole number ("2 GB", not
 * "2048 MB"); zero in the smallest unit; otherwise a decimal of the smallest ("0.5 seconds").
 */
export function fromStored(value: number, quantity: Quantity): Amount {
  const stored = fractionOfNumber(value);
  const inUnit = (unit: UnitId): Fraction =>
    reduce({
      num: stored.num * unitSize[quantity.stored],
      den: stored.den * unitSize[unit],
    });
  const smallest = quantity.units[0]!;
  if (stored.num !== 0n) {
    for (const unit of [...quantity.units].reverse()) {
      const amount = inUnit(unit);
      if (amount.den === 1n) return { amount: amount.num.toString(), unit };
    }
  }
  const text = decimalText(inUnit(smallest));
  // Only a unit list whose smallest unit cannot hold the stored unit gets here (a test checks
  // every field's list): a programming error, not something a person can cause.
  if (text === null) throw new Error(`${value} ${quantity.stored} has no exact ${smallest}`);
  return { amount: text, unit: smallest };
}

/** "12", "-3", "0.25", ".5", "2." as an exact fraction; anything else is null. */
export function parseDecimal(text: string): Fraction | null {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  const num = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  return reduce({ num, den: 10n ** BigInt(fraction.length) });
}

/** A double as the exact decimal it prints as (JavaScript prints the shortest that reads back). */
function fractionOfNumber(value: number): Fraction {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new Error(`not a finite number: ${value}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const scale = BigInt(fraction.length) - BigInt(exponent);
  let num = BigInt(`${whole}${fraction}`) * (sign === '-' ? -1n : 1n);
  let den = 1n;
  if (scale > 0n) den = 10n ** scale;
  else num *= 10n ** -scale;
  return reduce({ num, den });
}

/** The fraction as a finite decimal ("0.5", "1100"), or null when it has none (1/3). */
function decimalText({ num, den }: Fraction): string | null {
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n) return null;
  const places = Math.max(twos, fives);
  const scaled = (num * 10n ** BigInt(places)) / den;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function reduce({ num, den }: Fraction): Fraction {
  const divisor = gcd(num < 0n ? -num : num, den);
  return divisor > 1n ? { num: num / divisor, den: den / divisor } : { num, den };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
