export * from "./types";
export { createExcelWorkbookOps, SETTINGS_PREFIX, type ExcelRun, type ExcelOpsOptions } from "./officeWorkbook";
export {
  MAX_REQUEST_BYTES,
  MAX_REQUEST_CELLS,
  REQUEST_BYTE_BUDGET,
  needsLiteralText,
  planRowChunks,
  rowPayloadBytes,
  utf8Length,
  uniqueSheetName,
  uniqueTableName,
  sheetRef,
  columnLetters,
} from "./chunking";
