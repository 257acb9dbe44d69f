import type { z } from 'zod';
import type { IndicatorDirection, MissingPolicy, Normalisation } from '../../../../shared/domain/plans';
import type { compositeExplanation } from '../../../../shared/schemas/plan';
import { roundTo } from './rollup';

/**
 * Composite index (合成指標). The rules, as published with the figures:
 *
 * 1. Each part is scored with the method's normalisation:
 *    - target_share (達成率, %): higher is better → value / target × 100; lower is better → target / value × 100.
 *      No score without a target, with a target ≤ 0 (higher) or < 0 (lower), or, for lower is better, with a value
 *      ≤ 0 (the ratio has no finite value), except that 0 against a target of 0 is 100 (the target is met exactly).
 *    - min_max: (value − min) / (max − min) × 100, or (max − value) / (max − min) × 100 for lower is better,
 *      kept within 0–100. No score without both bounds or when max ≤ min.
 *    - deviation (偏差値): 50 + 10 × (value − mean) / sd, or 50 − 10 × (value − mean) / sd for lower is better.
 *      No score without mean and sd, or when sd ≤ 0.
 *    A part without a value has no score.
 * 2. When the method has a cap, a score above it counts as the cap (e.g. a 達成率 of 130% counts as 120%).
 * 3. The index is Σ(score × weight) / Σ(weight) over the parts with a score; a part's share is its weight over that
 *    sum. With 'renormalise', parts without a score are left out (listed in `missing`); with 'require_all', the index
 *    has no value while any part lacks a score. No value either when no part has a score or their weights add up to 0.
 * 4. Scores, shares and the index are computed unrounded and returned rounded to 4 decimals.
 */

export type CompositeExplanation = z.output<typeof compositeExplanation>;

const DECIMALS = 4;

export interface ScoreInput {
  normalisation: Normalisation;
  value: number;
  direction: IndicatorDirection;
  target: number | null;
  min?: number | null;
  max?: number | null;
  mean?: number | null;
  sd?: number | null;
}

/** The 達成率 (%) of a value against its target; null when it cannot be computed (rule 1 of the module comment). */
function targetShare(value: number, target: number | null, direction: IndicatorDirection): number | null {
  if (target === null) return null;
  if (direction === 'higher') return target > 0 ? (value / target) * 100 : null;
  if (target < 0) return null;
  if (value > 0) return (target / value) * 100;
  return value === 0 && target === 0 ? 100 : null;
}

/** One part's score under a normalisation, unrounded and uncapped; null when it cannot be computed. */
export function normaliseScore(input: ScoreInput): number | null {
  const { value, direction } = input;
  if (!Number.isFinite(value)) return null;
  switch (input.normalisation) {
    case 'target_share':
      return targetShare(value, input.target, direction);
    case 'min_max': {
      const { min, max } = input;
      if (min == null || max == null || max <= min) return null;
      const score = ((direction === 'higher' ? value - min : max - value) / (max - min)) * 100;
      return Math.min(100, Math.max(0, score));
    }
    case 'deviation': {
      const { mean, sd } = input;
      if (mean == null || sd == null || !(sd > 0)) return null;
      const deviation = (10 * (value - mean)) / sd;
      return direction === 'higher' ? 50 + deviation : 50 - deviation;
    }
  }
}

export interface CompositeMethodSettings {
  id: string;
  methodVersion: number;
  normalisation: Normalisation;
  capAt: number | null;
  missing: MissingPolicy;
}

export interface CompositeComponentValue {
  indicatorId: string;
  name: string;
  weight: number;
  value: number | null;
  target: number | null;
  direction: IndicatorDirection;
  min?: number | null;
  max?: number | null;
  mean?: number | null;
  sd?: number | null;
}

/** Computes a composite index for one period with its explanation (rules in the module comment). */
export function computeComposite(method: CompositeMethodSettings, components: CompositeComponentValue[]): CompositeExplanation {
  const scores = components.map((component) => {
    if (component.value === null) return null;
    const score = normaliseScore({ ...component, value: component.value, normalisation: method.normalisation });
    return score !== null && method.capAt !== null ? Math.min(score, method.capAt) : score;
  });

  const missing = components.filter((_, index) => scores[index] === null).map((component) => component.indicatorId);
  let weightSum = 0;
  let weightedSum = 0;
  components.forEach((component, index) => {
    const score = scores[index];
    if (score === null || score === undefined) return;
    weightSum += component.weight;
    weightedSum += score * component.weight;
  });
  const hasResult = weightSum > 0 && !(method.missing === 'require_all' && missing.length > 0);

  return {
    kind: 'composite',
    methodId: method.id,
    methodVersion: method.methodVersion,
    normalisation: method.normalisation,
    capAt: method.capAt,
    missingPolicy: method.missing,
    components: components.map((component, index) => {
      const score = scores[index] ?? null;
      return {
        indicatorId: component.indicatorId,
        name: component.name,
        value: component.value,
        target: component.target,
        score: score === null ? null : roundTo(score, DECIMALS),
        weight: component.weight,
        share: hasResult && score !== null ? roundTo(component.weight / weightSum, DECIMALS) : null,
      };
    }),
    missing,
    result: hasResult ? roundTo(weightedSum / weightSum, DECIMALS) : null,
  };
}

/**
 * The method version that applies to a fiscal year: the latest `effectiveFromYear` not after the year, and of
 * those the highest version. A past year thus keeps the method it was computed with after a change.
 */
export function methodForYear<M extends { effectiveFromYear: number; methodVersion: number }>(methods: M[], fiscalYear: number): M | null {
  let chosen: M | null = null;
  for (const method of methods) {
    if (method.effectiveFromYear > fiscalYear) continue;
    if (
      chosen === null ||
      method.effectiveFromYear > chosen.effectiveFromYear ||
      (method.effectiveFromYear === chosen.effectiveFromYear && method.methodVersion > chosen.methodVersion)
    ) {
      chosen = method;
    }
  }
  return chosen;
}
