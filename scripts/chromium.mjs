// Launching the system Chromium for tests and benchmarks, defined once.
//
// Debian's /usr/bin/chromium (or $CHROMIUM) through playwright-core: test tools may not
// download browsers here. The background-networking flags stop Chromium from calling home,
// which this machine's closed network would refuse (and which a privacy test would see).

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** A headless Chromium; close it when done. `extraArgs` are added to the flags above. */
export function launchChromium({ extraArgs = [] } = {}) {
  return chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, ...extraArgs] });
}
