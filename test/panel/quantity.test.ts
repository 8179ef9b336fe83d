// Sizes and durations in a person's units (quantity.ts): every hub value shows in the largest
// unit that keeps it whole and reads back to exactly the same value; what a person types is
// converted exactly, and what the hub's unit cannot hold is refused, never rounded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fromStored,
  parseDecimal,
  toStored,
  type Quantity,
} from '../../src-renderer/views/settings/quantity.js';
import { allGroups } from '../../src-renderer/views/settings/settings-fields.js';

const bytes: Quantity = { stored: 'bytes', whole: true, units: ['bytes', 'KB', 'MB', 'GB'] };
const spaceMb: Quantity = { stored: 'bytes', whole: true, units: ['MB', 'GB'] };
const timeoutMs: Quantity = { stored: 'ms', whole: true, units: ['seconds', 'minutes'] };
const minutes: Quantity = { stored: 'minutes', whole: false, units: ['minutes', 'hours'] };
const days: Quantity = { stored: 'days', whole: false, units: ['days'] };
const hoursOfDays: Quantity = { stored: 'days', whole: false, units: ['hours', 'days'] };

describe('a hub value shown in a person’s unit', () => {
  test('the largest unit that keeps it whole', () => {
    assert.deepEqual(fromStored(2_147_483_648, bytes), { amount: '2', unit: 'GB' });
    assert.deepEqual(fromStored(512 * 1024 * 1024, bytes), { amount: '512', unit: 'MB' });
    assert.deepEqual(fromStored(8 * 1024 * 1024 + 64 * 1024, bytes), {
      amount: '8256',
      unit: 'KB',
    });
    assert.deepEqual(fromStored(1000, bytes), { amount: '1000', unit: 'bytes' });
    assert.deepEqual(fromStored(60_000, timeoutMs), { amount: '1', unit: 'minutes' });
    assert.deepEqual(fromStored(90_000, timeoutMs), { amount: '90', unit: 'seconds' });
    assert.deepEqual(fromStored(120, minutes), { amount: '2', unit: 'hours' });
    assert.deepEqual(fromStored(30, days), { amount: '30', unit: 'days' });
  });

  test('zero in the smallest unit; a part of one as an exact decimal', () => {
    assert.deepEqual(fromStored(0, minutes), { amount: '0', unit: 'minutes' });
    assert.deepEqual(fromStored(2500, timeoutMs), { amount: '2.5', unit: 'seconds' });
    assert.deepEqual(fromStored(50, timeoutMs), { amount: '0.05', unit: 'seconds' });
    assert.deepEqual(fromStored(0.5, minutes), { amount: '0.5', unit: 'minutes' });
    assert.deepEqual(fromStored(1.5, days), { amount: '1.5', unit: 'days' });
    assert.deepEqual(fromStored(1_000_000_000, spaceMb), {
      amount: '953.67431640625',
      unit: 'MB',
    });
  });

  test('every value shown reads back to exactly the value the hub holds', () => {
    const cases: [number, Quantity][] = [
      [2_147_483_648, bytes],
      [8_454_144, bytes],
      [1_000_000_000, spaceMb],
      [1_099_511_627_776, spaceMb],
      [123_456_789, timeoutMs],
      [1, timeoutMs],
      [0.01, minutes],
      [1439.99, minutes],
      [0.1, days],
      [3650, days],
      [0.5, hoursOfDays],
    ];
    for (const [value, quantity] of cases) {
      const shown = fromStored(value, quantity);
      assert.deepEqual(toStored(shown, quantity), { ok: true, value }, `${value} ${shown.unit}`);
    }
  });

  test('every field of the settings form can show any value the hub may hold there', () => {
    for (const group of allGroups(true)) {
      for (const def of group.fields) {
        if (def.kind !== 'quantity') continue;
        const quantity = def.quantity!;
        assert.ok(quantity.units.length > 0, def.key);
        for (const value of quantity.whole ? [1, 7, 1023, 86_399] : [0.01, 0.3, 1, 2.5]) {
          const shown = fromStored(value, quantity);
          assert.deepEqual(toStored(shown, quantity), { ok: true, value }, `${def.key} ${value}`);
        }
      }
    }
  });
});

describe('what a person types, in the hub’s unit', () => {
  test('converted exactly, with no floating-point residue', () => {
    assert.deepEqual(toStored({ amount: '2', unit: 'GB' }, bytes), {
      ok: true,
      value: 2_147_483_648,
    });
    assert.deepEqual(toStored({ amount: '1.5', unit: 'KB' }, bytes), { ok: true, value: 1536 });
    // 1.1 * 1000 is 1100.0000000000002 in floating point.
    assert.deepEqual(toStored({ amount: '1.1', unit: 'seconds' }, timeoutMs), {
      ok: true,
      value: 1100,
    });
    assert.deepEqual(toStored({ amount: ' 1.5 ', unit: 'hours' }, minutes), {
      ok: true,
      value: 90,
    });
    assert.deepEqual(toStored({ amount: '0.3', unit: 'hours' }, minutes), { ok: true, value: 18 });
    assert.deepEqual(toStored({ amount: '12', unit: 'hours' }, hoursOfDays), {
      ok: true,
      value: 0.5,
    });
    assert.deepEqual(toStored({ amount: '.5', unit: 'days' }, days), { ok: true, value: 0.5 });
  });

  test('a negative number is passed on for the hub to judge', () => {
    assert.deepEqual(toStored({ amount: '-1', unit: 'days' }, days), { ok: true, value: -1 });
  });

  test('not a number: refused', () => {
    for (const amount of [
      '',
      ' ',
      'ninety',
      '1,5',
      '1e3',
      '2 GB',
      '--1',
      '.',
      '0x10',
      'Infinity',
    ]) {
      assert.deepEqual(toStored({ amount, unit: 'GB' }, bytes), { ok: false, problem: 'number' });
    }
  });

  test('not a whole number of the hub’s unit: refused, not rounded', () => {
    assert.deepEqual(toStored({ amount: '1.0001', unit: 'KB' }, bytes), {
      ok: false,
      problem: 'whole',
    });
    assert.deepEqual(toStored({ amount: '0.5', unit: 'bytes' }, bytes), {
      ok: false,
      problem: 'whole',
    });
    assert.deepEqual(toStored({ amount: '0.0001', unit: 'seconds' }, timeoutMs), {
      ok: false,
      problem: 'whole',
    });
  });

  test('a value with no exact decimal in the hub’s unit: refused', () => {
    // One hour is 1/24 of a day: 0.041666… never ends.
    assert.deepEqual(toStored({ amount: '1', unit: 'hours' }, hoursOfDays), {
      ok: false,
      problem: 'exact',
    });
  });

  test('too large, or too many digits, to hold exactly: refused', () => {
    assert.deepEqual(toStored({ amount: '99999999999', unit: 'GB' }, bytes), {
      ok: false,
      problem: 'range',
    });
    assert.deepEqual(toStored({ amount: '9007199254740993', unit: 'bytes' }, bytes), {
      ok: false,
      problem: 'range',
    });
    assert.deepEqual(toStored({ amount: '0.1000000000000000001', unit: 'days' }, days), {
      ok: false,
      problem: 'digits',
    });
  });
});

test('parseDecimal reads plain decimals only', () => {
  assert.deepEqual(parseDecimal('2.50'), { num: 5n, den: 2n });
  assert.deepEqual(parseDecimal('-0.25'), { num: -1n, den: 4n });
  assert.deepEqual(parseDecimal('7.'), { num: 7n, den: 1n });
  assert.equal(parseDecimal('1.2.3'), null);
  assert.equal(parseDecimal('+1'), null);
});
