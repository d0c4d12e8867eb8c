// Types for scripts/measure-bundle.mjs (plain JavaScript so `node` runs it without a build step).
export declare const PAGES: string[];
export declare const BUDGETS: Record<string, number>;
export declare const GOALS: Record<string, number>;
export declare function initialScriptsOf(html: string): string[];
export declare function hydrationScriptsOf(dist: string, page: string): string[];
export interface MeasuredPage {
  page: string;
  files: { src: string; bytes: number; gzipped: number }[];
  bytes: number;
  gzipped: number;
}
export declare function measurePage(dist: string, page: string): MeasuredPage | null;
export declare function checkBudgets(dist: string, budgets?: Record<string, number>, print?: (line: string) => void): string[];
