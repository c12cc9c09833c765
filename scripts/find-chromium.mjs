// @ts-check
/**
 * Finds a system Chromium for Playwright (a browser download cannot work on hosts without internet
 * access): $CHROMIUM_PATH, then the usual Debian/Ubuntu paths. As root on Debian it installs the
 * `chromium` package; otherwise it says how to get one.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function findChromium({ install = false } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian’s chromium package (apt-get install -y chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one, e.g. on Debian/Ubuntu: ' +
      '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

/**
 * The sqlite3 command-line tool, which a unit test uses to prove an exported database opens outside the
 * app. As root on Debian it installs the `sqlite3` package; otherwise it says how to get it.
 */
export function ensureSqlite3({ install = false } = {}) {
  const onPath = () => {
    try {
      return execSync('command -v sqlite3', { encoding: 'utf8', shell: '/bin/sh' }).trim() || null;
    } catch {
      return null;
    }
  };
  const found = onPath();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No sqlite3 found: installing Debian’s sqlite3 package (apt-get install -y sqlite3)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3', {
      stdio: 'inherit',
    });
    const installed = onPath();
    if (installed) return installed;
  }
  throw new Error(
    'No sqlite3 command-line tool found for the export test. Install it, e.g. on Debian/Ubuntu: ' +
      '`sudo apt-get update && sudo apt-get install -y sqlite3`.',
  );
}
