// A family member's phone in the panel: paired by the owner, signed in with its control token
// and on Settings, where it is told what needs the admin token. Shared by the Settings tests.
import type { BrowserContext, Page } from 'playwright-core';
import { pairPhone } from '../helpers/devices.js';
import { ConsoleWatcher } from './chromium.js';
import { WAIT } from './panel-fixture.js';

export async function guestOnSettings(
  context: BrowserContext,
  base: string,
  adminToken: string,
): Promise<{ guest: Page; token: string; watch: ConsoleWatcher }> {
  const { token } = await pairPhone(base, adminToken, 'Guest phone');
  const guest = await context.newPage();
  const watch = new ConsoleWatcher(guest);
  await guest.goto(`${base}/#token=${encodeURIComponent(token)}`);
  await guest.getByRole('navigation').first().waitFor(WAIT);
  await guest.goto(`${base}/#/settings`);
  await guest
    .getByRole('note')
    .getByText(/control token/)
    .waitFor(WAIT);
  return { guest, token, watch };
}
