/**
 * A Vite plugin that makes src/early.ts a page entry of its own, loaded by an
 * `async` module script in index.html's head. An `async` module runs as soon
 * as its own modules have arrived, not once the whole page's have, so
 * src/early.ts opens saved progress while Phaser's chunk is still downloading
 * (it explains why that matters). It is not written in index.html itself:
 * Vite would fold it into the page's one deferred entry.
 *
 * main.ts imports src/early.ts too, so the build puts it in a chunk both
 * share; the browser runs it once, whichever script gets there first.
 * `npm run budgets` counts the script like any other index.html names. It
 * goes at the end of the head, after the Content Security Policy's `<meta>`
 * (which governs only what comes after it); being `async`, its place does not
 * hold it back.
 */
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { builtAddress } from './builtAddress.ts';

/** The early entry, relative to the project root. */
export const EARLY_ENTRY = 'src/early.ts';

function scriptTag(src: string): HtmlTagDescriptor {
  return {
    tag: 'script',
    attrs: { type: 'module', async: true, crossorigin: true, src },
    injectTo: 'head',
  };
}

export function earlyScriptPlugin(): Plugin {
  let base = '/';
  let entry = '';
  return {
    name: 'early-script',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      // Both entries, named: the page (what Vite builds by default) and the early script.
      return {
        build: {
          rolldownOptions: {
            input: { index: resolve(root, 'index.html'), early: resolve(root, EARLY_ENTRY) },
          },
        },
      };
    },
    configResolved(config) {
      base = config.base;
      entry = resolve(config.root, EARLY_ENTRY);
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.server !== undefined) return [scriptTag(`${base}${EARLY_ENTRY}`)];
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.isEntry && file.facadeModuleId === entry,
        );
        if (chunk === undefined) throw new Error(`${EARLY_ENTRY} was not built as an entry of its own`);
        return [scriptTag(builtAddress(base, chunk.fileName))];
      },
    },
  };
}
