import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

type Chunk = { type: 'chunk'; name: string; isEntry: boolean; code: string; imports: string[]; fileName: string };
type Asset = { type: 'asset' };

/**
 * Reports the JavaScript a browser app loads before it can start: its entry
 * chunk and every chunk it imports statically, gzipped. Dynamic imports
 * (Monaco, elkjs) are not counted: they load later. The build fails when the
 * total passes the budget, so a heavy static import is caught where it is added.
 */
export function initialJsBudget(entry: string, budgetKb: number): Plugin {
  return {
    name: 'omslag-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = bundle as unknown as Record<string, Chunk | Asset>;
      const start = Object.values(chunks).find((c): c is Chunk => c.type === 'chunk' && c.isEntry && c.name === entry);
      if (!start) return;
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const chunk = chunks[fileName];
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(start.fileName);
      const bytes = [...seen].reduce((sum, f) => sum + gzipSync((chunks[f] as Chunk).code ?? '').length, 0);
      const kb = bytes / 1024;
      const line = `initial JS of ${entry}: ${kb.toFixed(1)} KB gzip in ${seen.size} chunk(s) (budget ${budgetKb} KB; lazily loaded chunks not counted)`;
      this.info?.(line);
      console.log(`\n${line}`);
      if (kb > budgetKb) this.error(`${line}: over budget. Load the heavy part with import().`);
    },
  };
}
