/**
 * Runs analyses for the review: in a Web Worker when there is one, otherwise (unit tests) on
 * the calling thread. Only the newest request's answer matters; older ones are dropped.
 */
import { analyzeTranscript } from '../../../core/coach/analyze';
import type { AnalysisInput, CoachReport } from '../../../core/coach/types';
import type { AnalysisReply } from './analysis-protocol';

type Settle = { resolve: (report: CoachReport) => void; reject: (error: Error) => void };

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Settle>();

  constructor(useWorker = typeof Worker !== 'undefined') {
    if (!useWorker) return;
    this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      const settle = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!settle) return;
      if ('report' in reply) settle.resolve(reply.report);
      else settle.reject(new Error(reply.error));
    };
  }

  /** Analyses one transcript. */
  analyze(input: AnalysisInput): Promise<CoachReport> {
    const worker = this.worker;
    if (!worker) {
      try {
        return Promise.resolve(analyzeTranscript(input));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const id = this.nextId++;
    return new Promise<CoachReport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, input });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const settle of this.pending.values()) settle.reject(new Error('analysis cancelled'));
    this.pending.clear();
  }
}
