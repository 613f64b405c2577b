/** Section timing: markers → section spans, budget status, re-timing by edge drags. */
export * from './sections';
export * from './budget-status';
