import type { Entity } from '../../src/screening/model.js';
import type { ScreeningIndex } from '../../src/screening/engine.js';
import type { EvalCase } from './cases.js';
import type { Outcome } from './metrics.js';
import { compareName, type WName } from './watchman.js';
import { prepareWatchmanName } from './watchman-prepare.js';

export interface Engine {
  name: string;
  run(evalCase: EvalCase, useQualifiers: boolean): Outcome;
}

/**
 * OpenKYB's engine. Searching with alertThreshold 0 marks every alert-capable
 * hit (not a weak alias alone) as an alert, so the outcome's score is the one a
 * threshold would act on; weak-alias-only hits count as not found.
 */
export function openKybEngine(index: ScreeningIndex): Engine {
  return {
    name: 'OpenKYB',
    run(evalCase, useQualifiers) {
      const hits = index.search(
        {
          name: evalCase.query,
          kind: evalCase.kind,
          ...(useQualifiers ? { birthDate: evalCase.birthDate, countries: evalCase.countries } : {}),
        },
        { threshold: 0, alertThreshold: 0, limit: 10 },
      );
      const alerting = hits.filter((h) => h.isAlert);
      if (evalCase.targetId === null) return { score: alerting[0]?.score ?? 0, rank: null };
      const target = hits.find((h) => h.entityId === evalCase.targetId);
      // Ties rank in the target's favour, as for Watchman below: the same person
      // is often listed by both OFAC and the UN under the same name.
      const rank = target ? 1 + hits.filter((h) => h.score > target.score).length : null;
      return { score: target?.isAlert ? target.score : 0, rank };
    },
  };
}

interface WatchmanEntity {
  id: string;
  isPerson: boolean;
  names: WName[];
}

/** The Watchman re-implementation, brute force over every entity of the query's kind, as Watchman scans. */
export function watchmanEngine(entities: readonly Entity[]): Engine {
  const prepared: WatchmanEntity[] = entities
    .map((e) => ({
      id: e.id,
      isPerson: e.kind === 'person',
      names: e.names
        .filter((n) => n.kind !== 'weak-alias')
        .map((n) => prepareWatchmanName(n.full, e.kind === 'person', e.kind !== 'person'))
        .filter((n) => n.tokens.length > 0),
    }))
    .filter((e) => e.names.length > 0);
  return {
    name: 'Watchman (re-implementation)',
    run(evalCase) {
      const isPerson = evalCase.kind === 'person';
      const query = prepareWatchmanName(evalCase.query, isPerson, !isPerson);
      let best = 0;
      let targetScore = 0;
      const scores: number[] = [];
      for (const entity of prepared) {
        if (entity.isPerson !== isPerson) continue;
        const score = compareName(query, entity.names);
        scores.push(score);
        if (score > best) best = score;
        if (entity.id === evalCase.targetId) targetScore = score;
      }
      if (evalCase.targetId === null) return { score: best, rank: null };
      const ahead = scores.filter((s) => s > targetScore).length;
      return { score: targetScore, rank: targetScore > 0 && ahead < 10 ? ahead + 1 : null };
    },
  };
}
