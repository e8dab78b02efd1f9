import { createHash } from 'node:crypto';
import type { Entity } from './model.js';

/**
 * Hash of the entity's canonical JSON (keys sorted at every level), so an
 * integrator can tell "the listed entity changed" across imports without
 * depending on the key order a parser happened to use.
 */
export function entityFingerprint(entity: Entity): string {
  return createHash('sha256').update(canonicalJson(entity)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
