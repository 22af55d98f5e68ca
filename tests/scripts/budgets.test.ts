import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkImports, main, measure, pageData, pageScripts } from '../../scripts/budgets.ts';

/** Text that gzip cannot shrink much (a fixed-seed generator, so sizes are the same every run). */
function noise(bytes: number, seed: number): string {
  let x = seed;
  let out = '';
  while (out.length < bytes) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += ((x >>> 16) % 36).toString(36);
  }
  return `/*${out}*/`;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build shaped like Vite's: index.html → entry → a static chunk; lazy chunks behind import(). */
function fakeBuild(files: Record<string, string>, html?: string): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'budgets-'));
  dirs.push(dist);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  }
  writeFileSync(
    path.join(dist, 'index.html'),
    html ??
      `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A.js"></script>
<link rel="modulepreload" crossorigin href="/assets/phaser-P.js">
<link rel="stylesheet" crossorigin href="/assets/index-C.css">
<link rel="preload" as="fetch" crossorigin href="/assets/library-L.json" id="library-data">
<script id="vite-plugin-pwa:register-sw" src="/registerSW.js"></script></head><body></body></html>`,
  );
  return dist;
}

const standard = (entryKB: number, libraryKB = 8) => ({
  'assets/library-L.json': JSON.stringify({ scenarios: [noise(libraryKB * 1024, 10)] }),
  'assets/index-A.js': `import{a as x}from"./shared-B.js";import"./phaser-P.js";const m=()=>import(\`./Editor-E.js\`);const n=()=>import("./Map-M.js");${noise(entryKB * 1024, 1)}`,
  'assets/shared-B.js': `export*from"./deep-D.js";export const a=1;${noise(2048, 2)}`,
  'assets/deep-D.js': `export const d=1;${noise(1024, 3)}`,
  'assets/phaser-P.js': `export const Phaser="Phaser v4";${noise(8192, 4)}`,
  'assets/Editor-E.js': `import{a}from"./shared-B.js";import{c}from"./editorDeps-F.js";${noise(20 * 1024, 5)}`,
  'assets/editorDeps-F.js': `export const c=1;${noise(4096, 6)}`,
  'assets/Map-M.js': `${noise(4096, 7)}`,
  'registerSW.js': `navigator.serviceWorker.register("/sw.js")`,
  'sw.js': `importScripts("./workbox-W.js");${noise(1024, 8)}`,
  'workbox-W.js': `${noise(2048, 9)}`,
});

describe('scripts/budgets.ts', () => {
  it('counts the first load (entry and its static imports, transitively) but not Phaser, lazy chunks or the worker', () => {
    const report = measure(fakeBuild(standard(10)), 150);
    const load = Object.fromEntries(report.chunks.map((c) => [c.file, c.phaser ? 'phaser' : c.load]));
    expect(load).toEqual({
      'assets/index-A.js': 'first',
      'assets/shared-B.js': 'first',
      'assets/deep-D.js': 'first',
      'assets/phaser-P.js': 'phaser',
      'registerSW.js': 'first',
      'assets/Editor-E.js': 'lazy',
      'assets/editorDeps-F.js': 'lazy',
      'assets/Map-M.js': 'lazy',
      'sw.js': 'other',
      'workbox-W.js': 'other',
    });
    const gzip = (file: string) => report.chunks.find((c) => c.file === file)?.gzipBytes ?? 0;
    const firstBytes = ['assets/index-A.js', 'assets/shared-B.js', 'assets/deep-D.js', 'registerSW.js']
      .map(gzip)
      .reduce((a, b) => a + b, 0);
    expect(report.appGzipKB).toBeCloseTo(firstBytes / 1024, 0);
    expect(report.lazyGzipKB).toBeGreaterThan(10);
    expect(report.status).toBe('within');
    expect(report.message).toMatch(
      /First-load JavaScript beyond Phaser's chunk: [\d.]+ KB gzip, budget 150 KB: within/,
    );
    // The library JSON is data: listed on its own, with its own budget, never in the JavaScript's.
    expect(report.chunks.map((c) => c.file)).not.toContain('assets/library-L.json');
    expect(report.data.map((d) => d.file)).toEqual(['assets/library-L.json']);
    expect(report.dataGzipKB).toBeGreaterThan(5);
    expect(report.maxDataKB).toBe(200);
    expect(report.dataMessage).toMatch(/First-load data .*: [\d.]+ KB gzip, data budget 200 KB: within/);
  });

  it('fails (exit 1) when the first-load data is over its budget, with the JavaScript within', () => {
    const dist = fakeBuild(standard(1, 40));
    const { dataGzipKB, appGzipKB } = measure(dist, 150);
    expect(dataGzipKB).toBeGreaterThan(appGzipKB);
    const lines: string[] = [];
    expect(main(['--dist', dist, '--max-data-kb', String(dataGzipKB + 1)], (t) => lines.push(t))).toBe(0);
    expect(main(['--dist', dist, '--max-data-kb', String(dataGzipKB - 1)], (t) => lines.push(t))).toBe(1);
    const report = lines.at(-1) ?? '';
    expect(report).toMatch(/assets\/library-L\.json +[\d.]+ KB +[\d.]+ KB gzip +first-load data/);
    expect(report).toMatch(/budget 150 KB: within budget/);
    expect(report.split('\n').at(-1)).toMatch(/data budget [\d.]+ KB: OVER budget by [\d.]+ KB/);
  });

  it('fails (exit 1) when index.html preloads a data file the build does not hold', () => {
    const files: Record<string, string> = standard(1);
    delete files['assets/library-L.json'];
    const dist = fakeBuild(files);
    expect(measure(dist, 150).status).toBe('missing-data');
    const lines: string[] = [];
    expect(main(['--dist', dist], (t) => lines.push(t))).toBe(1);
    expect(lines.join('\n')).toContain(
      'index.html preloads assets/library-L.json, which the build does not hold',
    );
  });

  it('fails (exit 1) when the first load is over budget, and not because of lazy chunks', () => {
    const dist = fakeBuild(standard(10));
    const { appGzipKB, lazyGzipKB } = measure(dist, 150);
    // The lazy chunks alone are bigger than the first load: counting them would fail the first check.
    expect(lazyGzipKB).toBeGreaterThan(appGzipKB + 2);
    const lines: string[] = [];
    expect(main(['--dist', dist, '--max-kb', String(appGzipKB + 1)], (t) => lines.push(t))).toBe(0);
    expect(main(['--dist', dist, '--max-kb', String(appGzipKB - 1)], (t) => lines.push(t))).toBe(1);
    expect(lines.at(-1)).toMatch(/OVER budget by [\d.]+ KB/);
    expect(lines.at(-1)).toMatch(/Editor-E\.js +[\d.]+ KB +[\d.]+ KB gzip +lazy \(not counted\)/);
  });

  it('prints the report as JSON with --json', () => {
    const lines: string[] = [];
    expect(main(['--dist', fakeBuild(standard(1)), '--json'], (t) => lines.push(t))).toBe(0);
    const report = JSON.parse(lines.join('\n'));
    expect(report.status).toBe('within');
    expect(report.maxKB).toBe(150);
    expect(report.chunks.filter((c: { load: string }) => c.load === 'lazy')).toHaveLength(3);
  });

  it('fails (exit 1) when Phaser is not in a chunk of its own', () => {
    const dist = fakeBuild({
      'assets/index-A.js': `const banner="Phaser v4.2.1";${noise(1024, 1)}`,
    });
    const report = measure(dist, 150);
    expect(report.status).toBe('phaser-not-split');
    expect(main(['--dist', dist], () => undefined)).toBe(1);
  });

  it('exits 2 when there is no build to measure', () => {
    expect(main(['--dist', path.join(tmpdir(), 'budgets-no-such-dir')], () => undefined)).toBe(2);
    const noHtml = mkdtempSync(path.join(tmpdir(), 'budgets-'));
    dirs.push(noHtml);
    writeFileSync(path.join(noHtml, 'a.js'), 'export {}');
    expect(measure(noHtml, 150).status).toBe('no-build');
  });

  it('reads scripts and module preloads from index.html, with an absolute or a relative base', () => {
    expect(
      pageScripts(
        '<script type="module" src="./assets/i.js"></script><link rel="modulepreload" href="/assets/p.js"><link rel="stylesheet" href="/assets/s.css"><script src="https://cdn.example/x.js"></script>',
      ),
    ).toEqual(['assets/i.js', 'assets/p.js']);
  });

  it('reads data preloads (as="fetch") from index.html, with an absolute or a relative base', () => {
    expect(
      pageData(
        '<link rel="preload" as="fetch" crossorigin href="./assets/library-x.json" id="library-data"><link href="/d.json" as="fetch" rel="preload"><link rel="preload" as="image" href="/a.png"><link rel="modulepreload" href="/assets/p.js">',
      ),
    ).toEqual(['assets/library-x.json', 'd.json']);
  });

  it('tells static imports from import() in minified code', () => {
    expect(
      chunkImports(
        'assets/a.js',
        'import{x}from"./b.js";export{y}from"./c.js";const f=()=>import(`./d.js`),g=()=>import("./e.js");const s="import(\'./no.js\')";',
      ),
    ).toEqual({ static: ['assets/b.js', 'assets/c.js'], dynamic: ['assets/d.js', 'assets/e.js'] });
  });
});
