// docs/api.md's route and error tables are generated from HubApi and the error catalogue
// (`node --import tsx scripts/api-doc.ts`); this fails when someone adds a route or an error
// code without regenerating them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_DOC, renderErrors, renderOperations } from '../../scripts/api-doc.js';

/** Table rows as trimmed cells, so Prettier's column padding does not matter. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^-+$/, '---')))
    .map((row) => row.filter((_cell, i) => i > 0 && i < row.length - 1));
}

function section(text: string, name: string): string {
  const match = new RegExp(`<!-- generated:${name} -->\\n([\\s\\S]*?)\\n<!-- /generated -->`).exec(
    text,
  );
  assert.ok(match, `docs/api.md has the generated:${name} markers`);
  return match[1]!;
}

test('docs/api.md lists every HubApi route and every error code, as generated', () => {
  const doc = readFileSync(API_DOC, 'utf8');
  assert.deepEqual(cells(section(doc, 'operations')), cells(renderOperations()));
  assert.deepEqual(cells(section(doc, 'errors')), cells(renderErrors()));
});
