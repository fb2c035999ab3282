export { buildAnnualReport, figuresTable, reportTables, type ReportInputs } from './build.ts';
export type { AnnualReport, ReportChart, ReportFigure, ReportSection, ReportTable } from './model.ts';
export { comparisonSentence, formatValue, yearLabel, type ReportValue, type Unit } from './sentences.ts';
