/** Types of start-plan.js (plain JS so `npm start` needs no TypeScript loader). */
export declare const WEB_URL: string;
export declare const FALLBACK_MESSAGE: string;
export type ElectronRuntime =
  { available: true; binary: string } | { available: false; reason: string };
export declare function detectElectronRuntime(
  projectRoot: string,
  env?: Record<string, string | undefined>,
): ElectronRuntime;
export interface StartPlan {
  mode: 'desktop' | 'web';
  message: string | null;
  command: string;
  args: string[];
  env: Record<string, string>;
}
export declare function planStart(projectRoot: string, runtime: ElectronRuntime): StartPlan;
