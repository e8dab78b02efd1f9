import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine (nor hadolint) runs here: these check the deployment files' rules by reading
 * them. `npm run docker:steps` runs the Dockerfile's build steps without Docker.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of each stage, by stage name. */
function stages(all: Instruction[]): Map<string, Instruction[]> {
  const byName = new Map<string, Instruction[]>();
  let current: Instruction[] | null = null;
  for (const each of all) {
    if (each.keyword === 'FROM') {
      const name = /\bAS\s+(\S+)$/i.exec(each.args)?.[1] ?? `stage${byName.size}`;
      current = [each];
      byName.set(name, current);
    } else current?.push(each);
  }
  return byName;
}

describe('Dockerfile', () => {
  const all = instructions(read('Dockerfile'));
  const byName = stages(all);
  const runtime = [...byName.values()].at(-1)!;
  const inRuntime = (keyword: string) => runtime.filter((i) => i.keyword === keyword);

  it('is multi-stage: the runtime stage copies only built output from the build stage', () => {
    expect([...byName.keys()]).toEqual(['build', 'runtime']);
    const copies = inRuntime('COPY');
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((c) => c.args.startsWith('--from=build '))).toBe(true);
    expect(copies.map((c) => c.args.split(/\s+/)[1])).toEqual(['/app/package.json', '/app/node_modules', '/app/dist', '/app/bin']);
    const build = byName.get('build')!.map((i) => `${i.keyword} ${i.args}`);
    expect(build.some((line) => line.includes('npm prune --omit=dev'))).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = inRuntime('USER');
    expect(users).toHaveLength(1);
    expect(users[0]!.args).not.toMatch(/^(root|0)(:|$)/);
    // USER comes before the entrypoint, so nothing the image starts runs as root.
    expect(runtime.indexOf(users[0]!)).toBeLessThan(runtime.indexOf(inRuntime('ENTRYPOINT')[0]!));
  });

  it('has `openkyb` as its entrypoint (exec form) and serve as the default command', () => {
    expect(inRuntime('ENTRYPOINT').map((i) => JSON.parse(i.args))).toEqual([['node', 'bin/openkyb.js']]);
    expect(inRuntime('CMD').map((i) => JSON.parse(i.args))).toEqual([['serve']]);
  });

  it('has a health check that asks /livez', () => {
    const checks = inRuntime('HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const command = JSON.parse(checks[0]!.args.slice(checks[0]!.args.indexOf('CMD ') + 4)) as string[];
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/livez');
  });

  it('keeps dependencies, build output, data and git history out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
  });
});

describe('compose.yaml', () => {
  // Compose reads YAML merge keys (<<), as YAML 1.1 did.
  const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Record<string, any>> };

  it('runs PostgreSQL, one server without the in-process worker, and one worker, on the same database', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'server', 'worker']);
    const { server, worker } = compose.services;
    expect(server!.command).toEqual(['serve']);
    expect(worker!.command).toEqual(['worker']);
    expect(server!.environment.OPENKYB_SERVE_WORKER).toBe('false');
    expect(server!.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(worker!.environment.DATABASE_URL).toBe(server!.environment.DATABASE_URL);
    for (const service of [server!, worker!]) expect(service.depends_on.postgres.condition).toBe('service_healthy');
  });
});
