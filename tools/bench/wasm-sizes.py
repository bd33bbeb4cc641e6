#!/usr/bin/env python3
"""Bytes of a wasm module's code by crate, from its name section (what twiggy's `top` would give, grouped by
the crate a function's demangled path starts with), to see what the bundle is made of.
  python3 tools/bench/wasm-sizes.py target/wasm-debian/wasm32-unknown-unknown/wasm-release/locallens-web.wasm
The module must be the one cargo wrote, before wasm-bindgen and wasm-opt strip the names. Sizes are raw code
bytes; what ships is that after wasm-opt and brotli."""
import re
import sys
from collections import Counter


def leb(b, i):
    v = shift = 0
    while True:
        x = b[i]
        i += 1
        v |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return v, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def crate_of(name):
    """The crate whose code a function is: the first crate a v0 (`_R`) or legacy (`_ZN`) symbol names."""
    if name.startswith('_R'):
        m = re.search(r'C(?:s[0-9a-zA-Z]*_)?(\d+)', name)
        if m:
            return name[m.end():m.end() + int(m.group(1))]
    m = re.match(r'_ZN(\d+)', name)
    if m:
        return name[m.end():m.end() + int(m.group(1))].replace('_$LT$', '')
    return name.split('::')[0].lstrip('<&') or '?'


def main(path):
    b = open(path, 'rb').read()
    imported = 0
    bodies = []
    names = {}
    data = 0
    for sid, body in sections(b):
        if sid == 2:  # imports: functions among them take the first indices
            n, i = leb(body, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(body, i)
                    i += ln
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, i = leb(body, i)
                bodies.append(size)
                i += size
        elif sid == 11:
            data = len(body)
        elif sid == 0:
            ln, i = leb(body, 0)
            if body[i:i + ln] != b'name':
                continue
            i += ln
            while i < len(body):
                sub = body[i]
                size, j = leb(body, i + 1)
                if sub == 1:
                    n, k = leb(body, j)
                    for _ in range(n):
                        idx, k = leb(body, k)
                        ln, k = leb(body, k)
                        names[idx] = body[k:k + ln].decode('utf-8', 'replace')
                        k += ln
                i = j + size
    by_crate = Counter()
    # Generic code instantiated for our types (an iterator over our closures, a view of our components) names
    # our crate too: counted here by our first module it names.
    ours = Counter()
    for n, size in enumerate(bodies):
        name = names.get(imported + n, '?')
        by_crate[crate_of(name)] += size
        m = re.search(r'9locallens(?:\d+[a-zA-Z_][a-zA-Z0-9_]*)?', name)
        if m:
            seg = re.match(r'(\d+)', name[m.start() + 10:])
            module = name[m.start() + 10 + len(seg.group(1)):][:int(seg.group(1))] if seg else '?'
            ours[module] += size
    total = sum(bodies)
    print(f'code {total:,} bytes in {len(bodies):,} functions; data {data:,} bytes')
    print('by the crate whose code it is:')
    for crate, size in by_crate.most_common(20):
        print(f'{size:>10,}  {100 * size / total:5.1f}%  {crate}')
    print(f'naming locallens anywhere (ours, or generic code made for ours): {sum(ours.values()):,}; by our module:')
    for module, size in ours.most_common(12):
        print(f'{size:>10,}  {100 * size / total:5.1f}%  locallens::{module}')


main(sys.argv[1])
