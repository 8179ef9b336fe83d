// Renders the route and error tables of docs/api.md from HubApi and the error catalogue, so the
// document cannot drift from the code. `npm run docs:api` rewrites the generated parts; a test
// checks that they are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorCatalogue } from '../src-main/hub/api/error-catalogue.js';
import { hubOperations, operationNames } from '../src-main/shared/hub-api.js';

const SCOPE = { none: '–', control: 'C', admin: 'A' } as const;

export function renderOperations(): string {
  const rows = operationNames.map((name) => {
    const op = hubOperations[name];
    const summary = op.summary.replace(/\|/g, '\\|');
    return `| \`${op.http.method.toUpperCase()} ${op.http.path}\` | ${SCOPE[op.scope]} | \`${name}\` | ${summary} |`;
  });
  return ['| route | scope | operation | what |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function renderErrors(): string {
  const rows = Object.entries(errorCatalogue).map(
    ([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.message.replace(/\|/g, '\\|')} |`,
  );
  return ['| code | status | default message |', '| --- | --- | --- |', ...rows].join('\n');
}

export function fillGenerated(text: string): string {
  return text
    .replace(
      /(<!-- generated:operations -->\n)[\s\S]*?(\n?<!-- \/generated -->)/,
      (_m, open: string) => `${open}${renderOperations()}\n<!-- /generated -->`,
    )
    .replace(
      /(<!-- generated:errors -->\n)[\s\S]*?(\n?<!-- \/generated -->)/,
      (_m, open: string) => `${open}${renderErrors()}\n<!-- /generated -->`,
    );
}

export const API_DOC = fileURLToPath(new URL('../docs/api.md', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(API_DOC, fillGenerated(readFileSync(API_DOC, 'utf8')));
  console.log(`updated ${API_DOC}`);
}
