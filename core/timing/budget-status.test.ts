import { describe, expect, it } from 'vitest';
import { MODES } from '../modes';
import { seconds } from '../units';
import { budgetStatus, liveBudgetStatus } from './budget-status';

const headline = MODES.walkthrough.sections[0]!.budget; // 15–20 s
const recent = MODES.walkthrough.sections[1]!.budget; // 60–90 s

describe('budgetStatus', () => {
  it('treats the bounds as inside the budget', () => {
    expect(budgetStatus(seconds(14.9), headline)).toBe('under');
    expect(budgetStatus(seconds(15), headline)).toBe('within');
    expect(budgetStatus(seconds(20), headline)).toBe('within');
    expect(budgetStatus(seconds(20.1), headline)).toBe('over');
  });
});

describe('liveBudgetStatus', () => {
  it('turns near 15 % before the upper bound and over past it', () => {
    expect(liveBudgetStatus(seconds(14), headline)).toBe('ok');
    expect(liveBudgetStatus(seconds(16.9), headline)).toBe('ok');
    expect(liveBudgetStatus(seconds(17), headline)).toBe('near');
    expect(liveBudgetStatus(seconds(20), headline)).toBe('near');
    expect(liveBudgetStatus(seconds(20.01), headline)).toBe('over');
    expect(liveBudgetStatus(seconds(76), recent)).toBe('ok');
    expect(liveBudgetStatus(seconds(76.5), recent)).toBe('near');
  });

  it('never warns before the lower bound is reached', () => {
    const tight = { min: seconds(10), max: seconds(11) };
    expect(liveBudgetStatus(seconds(9.5), tight, 0.5)).toBe('ok');
    expect(liveBudgetStatus(seconds(10), tight, 0.5)).toBe('near');
  });
});
