/**
 * `--static <dir>`: the collector also serves the files under a directory at `/`, so a page and the
 * collector it sends to share one origin (no token, no CORS). GET and HEAD only; a path cannot leave
 * the directory, neither by '..' (literal or percent-encoded) nor through a symbolic link; hidden
 * files and directories (.git, .env) are not served; a directory is served as its index.html.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { CollectorRefusal, quote } from './protocol.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** The Content-Type a file is served with, by its extension. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves `rawPath` (the request target's path, still percent-encoded) from `root` (a real path: no
 * symbolic links in it). Throws a CollectorRefusal for a path that leaves `root` (403), a file that
 * is not there (404) or a malformed path (400); a directory without a trailing '/' is redirected.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  rawPath: string,
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new CollectorRefusal(400, `path ${quote(rawPath)} is not valid percent-encoding`);
  }
  if (decoded.includes('\0')) throw new CollectorRefusal(400, `path ${quote(decoded)} contains a NUL`);
  if (decoded.includes('\\')) {
    throw new CollectorRefusal(400, `path ${quote(decoded)} contains a backslash`);
  }
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw new CollectorRefusal(
      403,
      `path ${quote(decoded)} contains '..': it would leave the static directory`,
    );
  }
  const hidden = segments.find((s) => s.startsWith('.'));
  if (hidden !== undefined) {
    // .git, .env and the like: a static directory may well be a project's root.
    throw new CollectorRefusal(
      403,
      `path ${quote(decoded)} names a hidden file or directory (${quote(hidden)}), which is not served`,
    );
  }
  let path = join(root, ...segments);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new CollectorRefusal(404, `no file ${quote(decoded)} in the static directory`);
  }
  if (!inside(root, real)) {
    throw new CollectorRefusal(
      403,
      `path ${quote(decoded)} leads out of the static directory (through a symbolic link)`,
    );
  }
  let st = await stat(real);
  if (st.isDirectory()) {
    if (!decoded.endsWith('/')) {
      // Relative links in the directory's index.html resolve against the directory only with a '/'.
      res.writeHead(301, { Location: `${rawPath}/`, 'Content-Length': 0 });
      res.end();
      return;
    }
    path = join(real, 'index.html');
    try {
      real = await realpath(path);
      st = await stat(real);
    } catch {
      throw new CollectorRefusal(404, `directory ${quote(decoded)} has no index.html`);
    }
    if (!inside(root, real)) {
      throw new CollectorRefusal(
        403,
        `path ${quote(`${decoded}index.html`)} leads out of the static directory (through a symbolic link)`,
      );
    }
  }
  if (!st.isFile()) throw new CollectorRefusal(404, `${quote(decoded)} is not a regular file`);
  res.writeHead(200, {
    'Content-Type': contentTypeOf(real),
    'Content-Length': st.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(real);
    stream.on('error', () => {
      // Headers are sent: all that can be done is to cut the response short.
      res.destroy();
      done();
    });
    stream.on('end', done);
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}

/** Whether `path` is `root` or below it (both real, absolute paths). */
export function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
