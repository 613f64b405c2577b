/**
 * Judging a duration against a rubric budget: after the fact (under / within / over) and live
 * while the speaker talks (fine / near the upper bound / over).
 */
import type { Budget } from '../modes';
import type { Seconds } from '../units';

/** Where a finished section or answer landed against its budget. */
export type BudgetStatus = 'under' | 'within' | 'over';

/** Where a section still being spoken stands: `near` warns before the upper bound is crossed. */
export type LiveBudgetStatus = 'ok' | 'near' | 'over';

/** Fraction of the upper bound that counts as "near" it while speaking (15 % ⇒ 17 s of 20 s). */
export const NEAR_FRACTION = 0.15;

/** Compares a finished duration with a budget (bounds inclusive). */
export function budgetStatus(actual: Seconds, budget: Budget): BudgetStatus {
  if (actual < budget.min) return 'under';
  if (actual > budget.max) return 'over';
  return 'within';
}

/**
 * Live status of a section that has been running for `elapsed`: `near` from
 * `max − NEAR_FRACTION·max` (but never before `min`), `over` past `max`.
 */
export function liveBudgetStatus(
  elapsed: Seconds,
  budget: Budget,
  nearFraction = NEAR_FRACTION,
): LiveBudgetStatus {
  if (elapsed > budget.max) return 'over';
  const nearFrom = Math.max(budget.min, budget.max - nearFraction * budget.max);
  return elapsed >= nearFrom ? 'near' : 'ok';
}
