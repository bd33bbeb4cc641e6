// DuckDB-WASM for bench.html?mode=engines, bundled by esbuild into target/bench-dist/duckdb/duck.js (`make
// bench`), beside the package's own eh wasm and worker: everything is served from 127.0.0.1, and DuckDB is
// told not to install or load any extension.
import * as duckdb from '@duckdb/duckdb-wasm';
import { Utf8, makeData, makeTable, makeVector, tableToIPC } from 'apache-arrow';

export async function start(base) {
  const worker = new Worker(`${base}duckdb-browser-eh.worker.js`);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${base}duckdb-eh.wasm`);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  return new Duck(conn);
}

// A text column laid out by hand: Arrow's builders compile code with new Function, which the page's CSP forbids.
function utf8(strings) {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(strings.length + 1);
  let bytes = new Uint8Array(1 << 20);
  let at = 0;
  for (let i = 0; i < strings.length; i++) {
    const need = at + strings[i].length * 3;
    if (need > bytes.length) {
      const grown = new Uint8Array(Math.max(need, bytes.length * 2));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    at += encoder.encodeInto(strings[i], bytes.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeVector(makeData({ type: new Utf8(), length: strings.length, valueOffsets: offsets, data: bytes.subarray(0, at) }));
}

class Duck {
  constructor(conn) {
    this.conn = conn;
  }

  // Two tables: t, one row per process; s, one row per (process, supplier) pair with the process's year and
  // value, as an analyst would lay them out for DuckDB.
  async load({ method, year, value, org, supStart, supCodes, keys }) {
    const t0 = performance.now();
    const v = Float64Array.from(value, (x) => (Number.isNaN(x) ? 0 : x));
    const pairs = supCodes.length;
    const sYear = new Int32Array(pairs);
    const sValue = new Float64Array(pairs);
    for (let i = 0; i < year.length; i++) {
      for (let j = supStart[i]; j < supStart[i + 1]; j++) {
        sYear[j] = year[i];
        sValue[j] = v[i];
      }
    }
    const t = makeTable({ m: method, y: year, v, o: org });
    const withKeys = t.assign(makeTable({ k: utf8(keys) }));
    const s = makeTable({ g: supCodes, y: sYear, v: sValue });
    const streams = [
      ['t', tableToIPC(withKeys, 'stream')],
      ['s', tableToIPC(s, 'stream')],
    ];
    const t1 = performance.now();
    for (const [name, bytes] of streams) await this.conn.insertArrowFromIPCStream(bytes, { name, create: true });
    const t2 = performance.now();
    const check = await this.conn.query('SELECT count(*)::DOUBLE AS n FROM t');
    return { arrow_ms: t1 - t0, load_ms: t2 - t1, rows: check.getChild('n').get(0) };
  }

  async run(query, from, to, word) {
    const sql = {
      method: `SELECT m AS g, count(*)::DOUBLE AS c, sum(v) AS s FROM t WHERE y BETWEEN ${from} AND ${to} GROUP BY m`,
      org: `SELECT o AS g, count(*)::DOUBLE AS c, sum(v) AS s FROM t WHERE y BETWEEN ${from} AND ${to} GROUP BY o`,
      supplier: `SELECT g, count(*)::DOUBLE AS c, sum(v) AS s FROM s WHERE y BETWEEN ${from} AND ${to} GROUP BY g`,
      search: `SELECT 0 AS g, count(*)::DOUBLE AS c, sum(v) AS s FROM t WHERE contains(k, '${word.replaceAll("'", "''")}') HAVING count(*) > 0`,
    }[query];
    const t = performance.now();
    const table = await this.conn.query(sql);
    const ms = performance.now() - t;
    // Put in the page's form (ascending by code) outside the timed part.
    const g = table.getChild('g').toArray();
    const c = table.getChild('c').toArray();
    const s = table.getChild('s').toArray();
    const order = Array.from(g.keys()).sort((a, b) => Number(g[a]) - Number(g[b]));
    return { ms, result: order.flatMap((i) => [Number(g[i]), c[i], s[i]]) };
  }
}

