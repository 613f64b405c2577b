/** How budgets and positions read on screen ("0:15–0:20"). */
import type { Budget } from '../../../core/modes';
import { formatClock } from '../../../core/units';

export const formatBudget = (budget: Budget): string =>
  `${formatClock(budget.min)}–${formatClock(budget.max)}`;
