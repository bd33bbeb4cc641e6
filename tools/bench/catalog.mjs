// A published catalog as the app reads it: `catalog.json` and, when a country's is cut per province
// (docs/SHARDS.md), its parts' organisations and datasets joined in. `files` lists the catalog files with
// their bytes, so that a measure of what a page transfers can count the catalog too.
import { readFileSync } from 'node:fs';

export function readCatalog(dir) {
  const topBytes = readFileSync(`${dir}/catalog.json`);
  const catalog = JSON.parse(topBytes.toString('utf8'));
  const files = { 'catalog.json': topBytes };
  for (const part of catalog.parts ?? []) {
    const bytes = readFileSync(`${dir}/${part.url}`);
    files[part.url] = bytes;
    const { organisations = [], datasets = [] } = JSON.parse(bytes.toString('utf8'));
    catalog.organisations = [...(catalog.organisations ?? []), ...organisations];
    catalog.datasets = [...(catalog.datasets ?? []), ...datasets];
  }
  return { catalog, files };
}
