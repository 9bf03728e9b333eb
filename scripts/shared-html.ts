import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The designer's and the workspace's index.html hold only what is theirs (a
 * <title> and the words shown until the script runs); this fills them into
 * the one page of `template` (browser/page.html: the NL Design System theme
 * class, viewport, `#app`, `./main.tsx`). It runs before Vite reads the page,
 * so the script is bundled as if it stood in the app's own file.
 */
export function sharedHtml(template: string): Plugin {
  const page = readFileSync(template, 'utf8');
  return {
    name: 'omslag-shared-html',
    transformIndexHtml: {
      order: 'pre',
      handler(html, { filename }) {
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
        if (!title)
          throw new Error(`${filename}: no <title>: an app's index.html holds its <title> and its loading text`);
        const loading = html
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/<title>[^<]*<\/title>/, '')
          .trim();
        return page.replace('%TITLE%', title).replace('%LOADING%', loading);
      },
    },
  };
}
