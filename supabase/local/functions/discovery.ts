import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SUPABASE_DIR } from '../config.ts';

export const FUNCTIONS_DIR = path.join(SUPABASE_DIR, 'functions');
export const SLUG_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Everything needed to run one function. */
export interface FunctionSpec {
  slug: string;
  verifyJwt: boolean;
  /** Absolute path of the module Deno runs. */
  entrypoint: string;
  /** `--config <deno.json>`, or `--import-map <file>` without config discovery (npm packages stay in Deno's cache). */
  moduleArgs: string[];
  /** Folders the function may read (its own code, shared code, static files). */
  readablePaths: string[];
}

export interface Discovery {
  functions: Map<string, FunctionSpec>;
  /** Human-readable reasons why a configured function cannot be served. */
  problems: string[];
}

/** `[functions.<slug>]` in config.toml; paths are relative to the supabase folder, as in the CLI. */
const functionSection = z
  .object({
    enabled: z.boolean().default(true),
    verify_jwt: z.boolean().default(true),
    entrypoint: z.string().min(1).optional(),
    import_map: z.string().min(1).optional(),
    static_files: z.array(z.string()).default([]),
  })
  .strict();

const fromSupabaseDir = (relative: string) => path.resolve(SUPABASE_DIR, relative);

function firstExisting(candidates: string[]): string | undefined {
  return candidates.find((candidate) => existsSync(candidate));
}

/** The CLI's import-map lookup order; `deno.json(c)` files are configs, the rest import maps. */
function moduleArgs(functionDir: string, importMap: string | undefined): string[] {
  const chosen =
    importMap ??
    firstExisting(
      ['deno.json', 'deno.jsonc', 'import_map.json'].map((name) => path.join(functionDir, name)).concat([
        path.join(FUNCTIONS_DIR, 'import_map.json'),
        path.join(FUNCTIONS_DIR, 'deno.json'),
      ]),
    );
  if (!chosen) return ['--no-config'];
  return /deno\.jsonc?$/.test(chosen) ? ['--config', chosen] : ['--no-config', '--import-map', chosen];
}

function functionDirectories(): string[] {
  if (!existsSync(FUNCTIONS_DIR)) return [];
  return readdirSync(FUNCTIONS_DIR).filter(
    (name) =>
      !name.startsWith('_') &&
      !name.startsWith('.') &&
      statSync(path.join(FUNCTIONS_DIR, name)).isDirectory() &&
      existsSync(path.join(FUNCTIONS_DIR, name, 'index.ts')),
  );
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(section)'}: ${issue.message}`).join('; ');
}

/** Finds every servable function: folders with an index.ts plus `[functions.<slug>]` sections. */
export function discoverFunctions(sections: Record<string, unknown>): Discovery {
  const functions = new Map<string, FunctionSpec>();
  const problems: string[] = [];
  const slugs = new Set([...functionDirectories(), ...Object.keys(sections)]);
  for (const slug of slugs) {
    if (!SLUG_PATTERN.test(slug)) {
      problems.push(`[functions.${slug}]: "${slug}" is not a valid function name (${SLUG_PATTERN})`);
      continue;
    }
    const parsed = functionSection.safeParse(sections[slug] ?? {});
    if (!parsed.success) {
      problems.push(`[functions.${slug}] ${describeIssues(parsed.error)}`);
      continue;
    }
    const section = parsed.data;
    if (!section.enabled) continue;
    const functionDir = path.join(FUNCTIONS_DIR, slug);
    const entrypoint = section.entrypoint ? fromSupabaseDir(section.entrypoint) : path.join(functionDir, 'index.ts');
    if (!existsSync(entrypoint)) {
      problems.push(`[functions.${slug}]: entrypoint ${path.relative(SUPABASE_DIR, entrypoint)} does not exist`);
      continue;
    }
    const importMap = section.import_map ? fromSupabaseDir(section.import_map) : undefined;
    if (importMap && !existsSync(importMap)) {
      problems.push(`[functions.${slug}]: import_map ${section.import_map} does not exist`);
      continue;
    }
    functions.set(slug, {
      slug,
      verifyJwt: section.verify_jwt,
      entrypoint,
      moduleArgs: moduleArgs(path.dirname(entrypoint), importMap),
      readablePaths: [...new Set([FUNCTIONS_DIR, path.dirname(entrypoint)])],
    });
  }
  return { functions, problems };
}
