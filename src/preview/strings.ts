/** The preview page's own chrome (not the task pane's, which comes from src/i18n). */
export interface PreviewStrings {
  workbook: string;
  sheets: string;
  noCells: string;
  truncated: string;
  chart: string;
  chartSource: string;
  spilledFrom: string;
  requests: string;
}

const EN: PreviewStrings = {
  workbook: "Simulated workbook",
  sheets: "Sheets",
  noCells: "This sheet is empty.",
  truncated: "Showing the first {rows} rows and {columns} columns.",
  chart: "{type} chart",
  chartSource: "Source: {source}",
  spilledFrom: "Spilled from {address}",
  requests: "{count} Excel requests so far",
};

const ZH: PreviewStrings = {
  workbook: "模拟工作簿",
  sheets: "工作表",
  noCells: "此工作表为空。",
  truncated: "仅显示前 {rows} 行、{columns} 列。",
  chart: "{type} 图表",
  chartSource: "数据源：{source}",
  spilledFrom: "由 {address} 溢出",
  requests: "已发送 {count} 个 Excel 请求",
};

export function previewStrings(displayLanguage: string): PreviewStrings {
  return /^zh/i.test(displayLanguage) ? ZH : EN;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
