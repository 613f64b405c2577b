/** Messages between the review and its analysis worker. */
import type { AnalysisInput, CoachReport } from '../../../core/coach/types';

export interface AnalysisRequest {
  id: number;
  input: AnalysisInput;
}

export type AnalysisReply = { id: number; report: CoachReport } | { id: number; error: string };
