/** Reads a relative-base build from disk and checks it can live inside a package. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Files a service worker setup leaves in a build: never shipped inside a package. */
export const SERVICE_WORKER_FILE =
  /(^|\/)(sw\.js|service-worker\.js|registerSW\.js|workbox-[^/]*\.js)(\.map)?$/;
const PACKAGE_OUTPUT = /^packages\//;

export interface BuildFile {
  /** Relative path with `/`. */
  readonly path: string;
  readonly data: Uint8Array;
}

/** Every file under `dir` (sorted), without service-worker files or earlier packages. */
export function collectBuild(dir: string): { files: BuildFile[]; dropped: string[] } {
  const files: BuildFile[] = [];
  const dropped: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of entries) {
    if (PACKAGE_OUTPUT.test(file) || file === 'imsmanifest.xml') continue;
    if (SERVICE_WORKER_FILE.test(file)) {
      dropped.push(file);
      continue;
    }
    files.push({ path: file, data: new Uint8Array(readFileSync(path.join(dir, file))) });
  }
  return { files, dropped };
}

/**
 * Problems that would break the package inside an LMS: no index.html, URLs
 * from the site root (the LMS serves the package from a deep folder), a
 * service worker being registered (it would outlive the package and control
 * the LMS's own pages).
 */
export function checkBuild(files: readonly BuildFile[]): string[] {
  const problems: string[] = [];
  const text = new TextDecoder();
  const index = files.find((file) => file.path === 'index.html');
  if (index === undefined) problems.push('the build has no index.html at its root');
  for (const file of files) {
    if (!/\.(html|css|js|mjs)$/.test(file.path)) continue;
    const content = text.decode(file.data);
    if (/\.html$/.test(file.path)) {
      const rooted = /\b(?:src|href)\s*=\s*["']\/(?!\/)[^"']*["']/.exec(content);
      if (rooted !== null)
        problems.push(`${file.path} loads ${rooted[0]} from the site root: build with base './'`);
    }
    if (/\.css$/.test(file.path)) {
      const rooted = /url\(\s*["']?\/(?!\/)[^)]*\)/.exec(content);
      if (rooted !== null)
        problems.push(`${file.path} uses ${rooted[0]} from the site root: build with base './'`);
    }
    if (/serviceWorker\s*\.\s*register\s*\(/.test(content)) {
      problems.push(`${file.path} registers a service worker: build the package without the PWA`);
    }
  }
  return problems;
}
