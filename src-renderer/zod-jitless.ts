// Imported first by main.tsx. zod compiles fast parsers with `new Function` unless told not
// to, and merely probing for that trips the panel's CSP (no 'unsafe-eval') with a console
// error. The shared HubApi schemas are built when hub-api.ts loads, so this must run before.
import { z } from 'zod';

z.config({ jitless: true });
