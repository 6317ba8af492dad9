// Parses every file named on the command line with Mermaid's own parser, in one process, and
// prints one JSON line per file: what Mermaid read (counts per kind) or its error.
import { readFileSync } from 'node:fs';
import { parse } from '@mermaid-js/parser';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    const map = await parse('wardley', text);
    const count = (list) => (list ? list.length : 0);
    console.log(JSON.stringify({
      file,
      ok: true,
      title: map.title ?? null,
      elements: count(map.anchors) + count(map.components) +
        (map.pipelines ?? []).reduce((total, p) => total + count(p.components), 0),
      links: count(map.links),
      evolves: count(map.evolves),
      notes: count(map.notes),
      annotations: count(map.annotation),
      accelerators: count(map.accelerators) + count(map.deaccelerators),
      pipelines: count(map.pipelines),
    }));
  } catch (error) {
    console.log(JSON.stringify({ file, ok: false, error: String(error.message ?? error).split('\n').slice(0, 3).join(' ') }));
  }
}
