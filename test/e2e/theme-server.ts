// The server of the logo test in test/e2e/citizen-layout.spec.ts: the app with a theme that has a logo (an
// SVG file next to the theme file, named relative to it), a fresh SQLite file and the example processes, on
// E2E_THEME_PORT or a free port. Prints one line of JSON ({ base }) when ready; stops on SIGTERM or when its
// parent goes (stdin closed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTheme } from '../../runtime/pages/theme.js';
import { importProcesses, openServices } from '../../runtime/setup.js';
import { createWebApp } from '../../runtime/web/app.js';
import { stopWithSpec } from './child-server.js';

/** A port nothing listens on now (the OS picks one). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = Number(process.env.E2E_THEME_PORT) || (await freePort());
const dir = mkdtempSync(join(tmpdir(), 'omslag-e2e-theme-'));
// A wide logo, wider than a phone: the header must still fit at 320 px.
writeFileSync(
  join(dir, 'logo.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="80" viewBox="0 0 600 80">' +
    '<rect width="600" height="80" fill="#cc0000"/><text x="10" y="55" font-size="48" fill="#fff">Gemeente Utrecht</text></svg>',
);
writeFileSync(
  join(dir, 'theme.json'),
  JSON.stringify({ name: 'Gemeente Utrecht', logo: 'logo.svg', contact: { phone: '14 030' } }),
);
const theme = loadTheme(join(dir, 'theme.json'));
const services = await openServices(dir);
await importProcesses(join(import.meta.dirname, '../../processes'), services.store, services.processes, 'e2e');
const server = createWebApp(services, { log: () => {}, theme }).listen(port, '127.0.0.1', () =>
  console.log(JSON.stringify({ base: `http://127.0.0.1:${port}` })),
);
stopWithSpec(server, [() => services.store.close()], dir);
