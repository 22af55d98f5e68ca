/**
 * Static guards: no code path turns text into code or markup. Scenario text
 * is untrusted, so the source must not contain the tools that would let it run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fuzz/support.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

function hits(files: readonly string[], pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line) && !/^\s*(\/\/|\*)/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('no text becomes code', () => {
  const all = sourceFiles('src');

  it('finds the source files to check', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('never evaluates strings: no eval, new Function or string timers anywhere in src/', () => {
    expect(
      hits(
        all,
        /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|set(?:Timeout|Interval)\s*\(\s*['"`]/,
      ),
    ).toEqual([]);
  });

  it('never parses YAML into JavaScript types: the core uses the `yaml` package, not js-yaml or custom tags', () => {
    const core = ['src/scenario', 'src/engine', 'src/scoring', 'src/analysis'].flatMap(sourceFiles);
    expect(hits(core, /from ['"]js-yaml['"]|customTags|(?<![$\w])schema:\s*['"](?!core)/)).toEqual([]);
  });

  it('never writes text into HTML as markup (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    // The browser half renders tutor text with textContent; see docs/security.md.
    expect(
      hits(all, /\.(?:inner|outer)HTML\s*[+]?=|insertAdjacentHTML\s*\(|document\.write(?:ln)?\s*\(/),
    ).toEqual([]);
  });
});
