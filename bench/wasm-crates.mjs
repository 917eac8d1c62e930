// Roughly what the app's wasm is made of: the size of each function body in the wasm that
// cargo wrote (before wasm-bindgen and wasm-opt, which keep proportions roughly but drop the
// names), summed by the first crate its mangled name mentions. Generic code is counted under
// the crate that defines it (a `core` or `tachys` function made for the app's types counts
// there), so read the shares as a guide to where to look, not an exact bill.
import { readFileSync, existsSync } from 'node:fs';

const KNOWN = [
  'tht_outcomes_explorer', 'outcomes_charts', 'outcomes_core', 'outcomes_state', 'leptos_router',
  'leptos_dom', 'leptos_macro', 'leptos', 'tachys', 'reactive_graph', 'reactive_stores', 'serde_json',
  'serde_core', 'serde_wasm_bindgen', 'serde', 'charming', 'wasm_bindgen_futures', 'wasm_bindgen',
  'js_sys', 'web_sys', 'gloo_net', 'gloo_utils', 'hashbrown', 'dlmalloc', 'any_spawner', 'futures_util',
  'futures', 'statrs', 'indexmap', 'url', 'idna', 'percent_encoding', 'regex', 'thiserror', 'core',
  'alloc', 'std',
];

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

/** `{ total, crates: [[name, bytes], ...] }` biggest first, or null when there is no file. */
export function wasmCrates(file) {
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  const decoder = new TextDecoder();
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  let i = 8;
  while (i < bytes.length) {
    const id = bytes[i++];
    let size;
    [size, i] = leb(bytes, i);
    const end = i + size;
    if (id === 2) {
      let [count, j] = leb(bytes, i);
      for (let n = 0; n < count; n += 1) {
        let len;
        [len, j] = leb(bytes, j);
        j += len;
        [len, j] = leb(bytes, j);
        j += len;
        const kind = bytes[j++];
        if (kind === 0) {
          importedFunctions += 1;
          [, j] = leb(bytes, j);
        } else if (kind === 1) {
          j += 1;
          const [flags, k] = leb(bytes, j);
          [, j] = leb(bytes, k);
          if (flags & 1) [, j] = leb(bytes, j);
        } else if (kind === 2) {
          const [flags, k] = leb(bytes, j);
          [, j] = leb(bytes, k);
          if (flags & 1) [, j] = leb(bytes, j);
        } else {
          j += 2;
        }
      }
    } else if (id === 10) {
      let [count, j] = leb(bytes, i);
      for (let n = 0; n < count; n += 1) {
        const [len, k] = leb(bytes, j);
        bodies.push(len + (k - j));
        j = k + len;
      }
    } else if (id === 0) {
      const [len, j] = leb(bytes, i);
      if (decoder.decode(bytes.subarray(j, j + len)) === 'name') {
        let k = j + len;
        while (k < end) {
          const sub = bytes[k++];
          let subSize;
          [subSize, k] = leb(bytes, k);
          if (sub === 1) {
            let [count, m] = leb(bytes, k);
            for (let n = 0; n < count; n += 1) {
              let index;
              let nameLen;
              [index, m] = leb(bytes, m);
              [nameLen, m] = leb(bytes, m);
              names.set(index, decoder.decode(bytes.subarray(m, m + nameLen)));
              m += nameLen;
            }
          }
          k += subSize;
        }
      }
    }
    i = end;
  }
  if (names.size === 0) return null;
  const totals = new Map();
  let total = 0;
  bodies.forEach((size, n) => {
    const name = names.get(n + importedFunctions) ?? '';
    // wasm-bindgen's describe functions only exist until wasm-bindgen removes them.
    if (name.startsWith('__wbindgen_describe')) return;
    let crate = 'other';
    let first = Infinity;
    for (const c of KNOWN) {
      // `6tachys` in a mangled path, `tachys..` inside an escaped `<T as tachys::…>`.
      for (const pattern of [`${c.length}${c}`, `$${c}..`, `_${c}..`]) {
        const at = name.indexOf(pattern);
        if (at >= 0 && at < first) {
          first = at;
          crate = c;
        }
      }
    }
    totals.set(crate, (totals.get(crate) ?? 0) + size);
    total += size;
  });
  return { total, crates: [...totals].sort((a, b) => b[1] - a[1]) };
}
