/**
 * The reverse proxy the end-to-end tests reach the server through: Debian's nginx, configured here as
 * the README's nginx setup and run in the foreground until Playwright stops it.
 *
 *   npx tsx e2e/support/reverse-proxy.ts <listen port> <app port>
 *
 * nginx listens on 127.0.0.1 and [::1] and connects to the app from 127.0.0.2 (`proxy_bind`), the one
 * address the app lists in VIGIL_TRUSTED_PROXIES. Loopback has all of 127.0.0.0/8, so a test can be a
 * client at an address of its own (127.0.0.x, x ≠ 2) without any network set-up.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROXY_CONNECTS_FROM } from './proxied-servers';

function findNginx(): string | null {
  for (const candidate of [process.env.VIGIL_NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function nginxConfig(directory: string, listenPort: number, appPort: number): string {
  const temp = (name: string) => path.join(directory, name);
  return `
worker_processes 1;
pid ${temp('nginx.pid')};
error_log stderr warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${temp('client-body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  upstream vigil {
    server 127.0.0.1:${appPort};
    keepalive 32;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${listenPort};
    listen [::1]:${listenPort};
    client_max_body_size 8m;
    location / {
      proxy_pass http://vigil;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 30s;
      proxy_bind ${PROXY_CONNECTS_FROM};
    }
  }
}
`;
}

function main(): void {
  const [listenPort, appPort] = process.argv.slice(2).map(Number);
  if (!listenPort || !appPort) throw new Error('usage: reverse-proxy.ts <listen port> <app port>');
  const nginx = findNginx();
  if (!nginx) {
    console.error(
      'nginx is not installed: the end-to-end tests reach the server through a real reverse proxy. ' +
        'Install it (Debian: apt-get install nginx-light; .ci/run does this) or point VIGIL_NGINX at the binary.',
    );
    process.exit(1);
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `vigil-e2e-nginx-${listenPort}-`));
  fs.writeFileSync(path.join(directory, 'nginx.conf'), nginxConfig(directory, listenPort, appPort));
  const child = spawn(nginx, ['-e', 'stderr', '-p', directory, '-c', path.join(directory, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  const stop = () => child.kill('SIGQUIT');
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  child.on('exit', (code, signal) => {
    fs.rmSync(directory, { recursive: true, force: true });
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main();
