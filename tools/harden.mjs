// Trunk post-build hook: locks the built index.html down.
//  - Trunk's inline loader script moves into its own file, loaded with Subresource Integrity, and fetches the
//    wasm with its integrity too, so no inline script is left and the policy needs no hash or 'unsafe-inline'.
//  - A Content-Security-Policy meta comes first in <head>: scripts from this origin only, wasm compilation
//    allowed ('wasm-unsafe-eval'), no plugins, no <base> tricks.
// Usage: node tools/harden.mjs [DIR] (DIR defaults to $TRUNK_STAGING_DIR, as Trunk runs hooks).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('harden: no folder (give one, or run as a Trunk hook)');
const html = join(dir, 'index.html');
let page = await readFile(html, 'utf8');

const inline = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) throw new Error('harden: Trunk\'s inline loader was not found in index.html');
const js = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error('harden: the loader does not name the app\'s js and wasm');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const wasmIntegrity = sri(await readFile(join(dir, wasm)));
const boot = `import init from './${js}';
await init({ module_or_path: fetch('./${wasm}', { integrity: '${wasmIntegrity}' }) });
`;
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
await writeFile(join(dir, bootName), boot);
page = page.replace(inline[0], `<script type="module" src="./${bootName}" integrity="${sri(boot)}" crossorigin="anonymous"></script>`);

const policy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The check page may read a file a publisher names by URL; pages mark data from another origin as such.
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
page = page.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
await writeFile(html, page);
console.log(`harden: ${bootName}, CSP and SRI written into ${html}`);
