/** How an attempt's start time reads in the history and the review. */
const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatAttemptDate = (epochMs: number): string => format.format(epochMs);
