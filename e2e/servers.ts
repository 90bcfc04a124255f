import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'

export interface Served {
  /** The URL of the app, ending in '/'. */
  url: string
  origin: string
  close: () => Promise<void>
}

/** Fails with a message that says what to run, instead of a confusing 404 later. */
export function requireBuild(dir: string, command: string): string {
  const root = resolve(dir)
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${dir}/index.html is missing: run \`${command}\` first (npm test does).`)
  return root
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
}

/** Serves a directory under a URL prefix such as /tools/jwt/, as a plain static host would. */
export async function serveStatic(
  dir: string,
  prefix: string,
  port: number,
  transform?: (file: string, body: Buffer) => Buffer,
): Promise<Served> {
  const root = resolve(dir)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (path === prefix.replace(/\/$/, '')) {
      res.writeHead(301, { Location: prefix }).end()
      return
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end()
      return
    }
    let file = normalize(join(root, path.slice(prefix.length)))
    if (!file.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const body = readFileSync(file)
    res
      .writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      })
      .end(transform ? transform(file, body) : body)
  })
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok))
  const origin = `http://127.0.0.1:${port}`
  return { url: `${origin}${prefix}`, origin, close: () => new Promise((ok) => server.close(() => ok())) }
}

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

/**
 * Runs nginx in the foreground with one site config (as it would sit in conf.d/), rewritten to
 * listen on `port` and to serve `root`. Only this test's own nginx process is stopped afterwards.
 */
export async function startNginx(siteConf: string, root: string, port: number): Promise<Served> {
  if (!existsSync(NGINX))
    throw new Error(
      `nginx is missing at ${NGINX}: run npm test, which installs it through scripts/ensure-debian-tool.sh, or set NGINX_PATH.`,
    )
  const dir = mkdtempSync(join(tmpdir(), 'jwt-explorer-nginx-'))
  const site = siteConf
    .replace(/^\s*listen \[::\]:\d+;\s*$/m, '')
    .replace(/^(\s*)listen \d+;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root [^;]+;/m, `$1root ${root};`)
  writeFileSync(join(dir, 'site.conf'), site)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`)
    .join('\n  ')
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  include ${dir}/site.conf;
}
`,
  )
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `nginx exited at start: ${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`,
      )
    try {
      await fetch(`${origin}/`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}: ${stderr}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return {
    url: `${origin}/`,
    origin,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok))
        child.kill('SIGQUIT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
