/** A cell as Excel hands it to a custom function: number, string, boolean, null, or an error object. */
export type Cell = unknown;
/** A range as Excel hands it: rows of cells. */
export type Matrix = Cell[][];
/** Language of labels in results (FUNNEL / TARGETPLAN headers). */
export type Lang = "en" | "zh";
