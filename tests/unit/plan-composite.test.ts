import { describe, expect, it } from 'vitest';
import {
  type CompositeComponentValue,
  type CompositeMethodSettings,
  computeComposite,
  methodForYear,
  normaliseScore,
} from '../../src/server/modules/plans/engine/composite';

describe('normaliseScore: target_share (達成率)', () => {
  const score = (value: number, target: number | null, direction: 'higher' | 'lower') =>
    normaliseScore({ normalisation: 'target_share', value, target, direction });

  it('divides the value by the target, or the target by the value when lower is better', () => {
    expect(score(45, 60, 'higher')).toBe(75); // 45 / 60
    expect(score(90, 60, 'higher')).toBe(150); // uncapped
    expect(score(80, 60, 'lower')).toBe(75); // 60 / 80
    expect(score(40, 60, 'lower')).toBe(150);
    expect(score(0, 60, 'higher')).toBe(0);
  });

  it('has no score without a usable target', () => {
    expect(score(45, null, 'higher')).toBeNull();
    expect(score(45, 0, 'higher')).toBeNull();
    expect(score(45, -10, 'higher')).toBeNull();
    expect(score(45, null, 'lower')).toBeNull();
    expect(score(45, -10, 'lower')).toBeNull();
  });

  it('handles values at or below zero when lower is better', () => {
    expect(score(5, 0, 'lower')).toBe(0); // 0 / 5
    expect(score(0, 0, 'lower')).toBe(100); // the target 0 met exactly
    expect(score(0, 5, 'lower')).toBeNull(); // 5 / 0 has no finite value
    expect(score(-1, 5, 'lower')).toBeNull();
  });
});

describe('normaliseScore: min_max', () => {
  const score = (value: number, direction: 'higher' | 'lower', min: number | null = 10, max: number | null = 60) =>
    normaliseScore({ normalisation: 'min_max', value, target: null, direction, min, max });

  it('places the value between the bounds, inverted when lower is better', () => {
    expect(score(30, 'higher')).toBe(40); // (30 − 10) / 50
    expect(score(30, 'lower')).toBe(60); // (60 − 30) / 50
    expect(score(10, 'higher')).toBe(0);
    expect(score(60, 'higher')).toBe(100);
  });

  it('clamps to 0–100', () => {
    expect(score(70, 'higher')).toBe(100);
    expect(score(0, 'higher')).toBe(0);
    expect(score(70, 'lower')).toBe(0);
    expect(score(0, 'lower')).toBe(100);
  });

  it('has no score without both bounds or when max ≤ min', () => {
    expect(score(30, 'higher', null, 60)).toBeNull();
    expect(score(30, 'higher', 10, null)).toBeNull();
    expect(score(30, 'higher', 10, 10)).toBeNull();
    expect(score(30, 'higher', 60, 10)).toBeNull();
    expect(normaliseScore({ normalisation: 'min_max', value: 30, target: 50, direction: 'higher' })).toBeNull();
  });
});

describe('normaliseScore: deviation (偏差値)', () => {
  const score = (value: number, direction: 'higher' | 'lower', mean: number | null = 50, sd: number | null = 10) =>
    normaliseScore({ normalisation: 'deviation', value, target: null, direction, mean, sd });

  it('is 50 + 10 × (value − mean) / sd, mirrored when lower is better', () => {
    expect(score(65, 'higher')).toBe(65);
    expect(score(65, 'lower')).toBe(35);
    expect(score(50, 'lower')).toBe(50);
    expect(score(20, 'higher', 30, 4)).toBe(25); // 50 + 10 × (−10) / 4
    expect(score(100, 'higher')).toBe(100); // not clamped
  });

  it('has no score without mean and a positive sd', () => {
    expect(score(65, 'higher', null, 10)).toBeNull();
    expect(score(65, 'higher', 50, null)).toBeNull();
    expect(score(65, 'higher', 50, 0)).toBeNull();
    expect(score(65, 'higher', 50, -3)).toBeNull();
  });
});

describe('computeComposite', () => {
  const method = (fields: Partial<CompositeMethodSettings> = {}): CompositeMethodSettings => ({
    id: 'm1',
    methodVersion: 2,
    normalisation: 'target_share',
    capAt: 120,
    missing: 'renormalise',
    ...fields,
  });
  const components: CompositeComponentValue[] = [
    { indicatorId: 'c1', name: '創業件数', weight: 2, value: 130, target: 100, direction: 'higher' },
    { indicatorId: 'c2', name: '廃業件数', weight: 1, value: 125, target: 100, direction: 'lower' },
    { indicatorId: 'c3', name: '相談件数', weight: 1, value: null, target: 100, direction: 'higher' },
  ];

  it('caps the scores, weights them and leaves out the missing part (renormalise)', () => {
    // c1: 130 → capped 120; c2: 100 / 125 = 80; c3 missing. (120 × 2 + 80 × 1) / 3 = 106.666…
    expect(computeComposite(method(), components)).toEqual({
      kind: 'composite',
      methodId: 'm1',
      methodVersion: 2,
      normalisation: 'target_share',
      capAt: 120,
      missingPolicy: 'renormalise',
      components: [
        { indicatorId: 'c1', name: '創業件数', value: 130, target: 100, score: 120, weight: 2, share: 0.6667 },
        { indicatorId: 'c2', name: '廃業件数', value: 125, target: 100, score: 80, weight: 1, share: 0.3333 },
        { indicatorId: 'c3', name: '相談件数', value: null, target: 100, score: null, weight: 1, share: null },
      ],
      missing: ['c3'],
      result: 106.6667,
    });
  });

  it('does not cap without capAt', () => {
    // (130 × 2 + 80) / 3 = 113.333…
    expect(computeComposite(method({ capAt: null }), components).result).toBe(113.3333);
  });

  it('has no result under require_all while a part is missing, but still shows the scores', () => {
    const explanation = computeComposite(method({ missing: 'require_all' }), components);
    expect(explanation.result).toBeNull();
    expect(explanation.missing).toEqual(['c3']);
    expect(explanation.components.map((component) => [component.score, component.share])).toEqual([
      [120, null],
      [80, null],
      [null, null],
    ]);
    const complete = components.slice(0, 2);
    expect(computeComposite(method({ missing: 'require_all' }), complete).result).toBe(106.6667);
  });

  it('counts a part whose score cannot be computed as missing', () => {
    const noTarget = [components[0]!, { ...components[1]!, target: null }];
    // Only c1 remains: 120.
    const explanation = computeComposite(method(), noTarget);
    expect(explanation.result).toBe(120);
    expect(explanation.missing).toEqual(['c2']);
    expect(explanation.components.map((component) => component.share)).toEqual([1, null]);
  });

  it('has no result when no part has a score or their weights add up to 0', () => {
    expect(computeComposite(method(), [components[2]!]).result).toBeNull();
    const weightless = components.slice(0, 2).map((component) => ({ ...component, weight: 0 }));
    const explanation = computeComposite(method(), weightless);
    expect(explanation.result).toBeNull();
    expect(explanation.components.map((component) => component.share)).toEqual([null, null]);
  });

  it('works with the reference-based normalisations and rounds to 4 decimals from unrounded scores', () => {
    const parts: CompositeComponentValue[] = [
      { indicatorId: 'a', name: 'a', weight: 1, value: 1, target: null, direction: 'higher', min: 0, max: 3 }, // 33.333…
      { indicatorId: 'b', name: 'b', weight: 1, value: 2, target: null, direction: 'higher', min: 0, max: 3 }, // 66.666…
      { indicatorId: 'c', name: 'c', weight: 1, value: 1, target: null, direction: 'lower', min: 0, max: 3 }, // 66.666…
    ];
    const explanation = computeComposite(method({ normalisation: 'min_max', capAt: null }), parts);
    expect(explanation.components.map((component) => component.score)).toEqual([33.3333, 66.6667, 66.6667]);
    // (100/3 + 200/3 + 200/3) / 3 = 500/9 = 55.5555…
    expect(explanation.result).toBe(55.5556);

    const deviation = computeComposite(method({ normalisation: 'deviation', capAt: 60 }), [
      { indicatorId: 'd', name: 'd', weight: 3, value: 70, target: null, direction: 'higher', mean: 50, sd: 10 }, // 70 → capped 60
      { indicatorId: 'e', name: 'e', weight: 1, value: 70, target: null, direction: 'lower', mean: 50, sd: 10 }, // 30
    ]);
    // (60 × 3 + 30) / 4 = 52.5
    expect(deviation.result).toBe(52.5);
  });
});

describe('methodForYear', () => {
  const v1 = { id: 'v1', effectiveFromYear: 2024, methodVersion: 1 };
  const v2 = { id: 'v2', effectiveFromYear: 2026, methodVersion: 2 };
  const v3 = { id: 'v3', effectiveFromYear: 2026, methodVersion: 3 }; // a correction for the same year
  const methods = [v2, v3, v1];

  it('keeps the older version for years before a new one applies', () => {
    expect(methodForYear(methods, 2024)).toBe(v1);
    expect(methodForYear(methods, 2025)).toBe(v1);
  });

  it('takes the latest effective year, then the highest version', () => {
    expect(methodForYear(methods, 2026)).toBe(v3);
    expect(methodForYear(methods, 2030)).toBe(v3);
    // A later-created version for an earlier year applies only from its own year.
    const v4 = { id: 'v4', effectiveFromYear: 2025, methodVersion: 4 };
    expect(methodForYear([...methods, v4], 2025)).toBe(v4);
    expect(methodForYear([...methods, v4], 2026)).toBe(v3);
  });

  it('is null before the first method and for no methods', () => {
    expect(methodForYear(methods, 2023)).toBeNull();
    expect(methodForYear([], 2025)).toBeNull();
  });
});
