import {
  AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { figuresTable, yearLabel, type AnnualReport, type ReportChart, type ReportTable } from '../../../../shared/domain/report/index.ts';
import { PALETTE } from '../charts.tsx';

/**
 * The annual report as a Word document for the board papers, with the `docx` package: the title and each section
 * as Word heading styles (Title, Heading 1, Heading 2), so Word's navigation pane lists them; the sentences as
 * paragraphs; every figure as a Word table. Charts are native Word bar charts (docx/charts: DrawingML, editable in
 * Word, no picture to rasterise), each bar labelled with its value and category, and its table beside it.
 */

const hex = (colour: string) => colour.slice(1);

function wordTable(table: ReportTable): Table {
  const cell = (text: string, column: number, header: boolean) => new TableCell({
    children: [new Paragraph({
      alignment: table.numericColumns.includes(column) ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text, bold: header || column === 0 })],
    })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: table.head.map((h, i) => cell(h, i, true)) }),
      ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

const caption = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(text)] });

/** The page's chart as a Word bar chart: the LA's bars, then its region and England, every bar labelled. */
function wordChart(chart: ReportChart): Paragraph {
  const bars = [
    ...chart.bars.map((b) => ({ label: b.label, value: b.value, colour: b.highlight ? PALETTE.blue : PALETTE.grey })),
    // The page draws these as reference lines; here they are bars of their own, labelled as there ("North East c").
    ...chart.references.map((r, i) => ({ label: r.label, value: r.value, colour: i === 0 ? PALETTE.vermillion : PALETTE.black })),
  ];
  return new Paragraph({
    keepNext: true,
    children: [new ChartRun({
      type: 'bar',
      title: chart.title,
      // Word draws the first category at the bottom: reversed, the LA comes first from the top as on the page.
      categories: [...bars].reverse().map((b) => b.label),
      series: [{ name: 'Per cent', values: [...bars].reverse().map((b) => b.value), colors: [...bars].reverse().map((b) => hex(b.colour)) }],
      legend: false,
      valueAxis: { minimum: 0, maximum: chart.max },
      dataLabels: { value: true, numberFormat: '0"%"' },
      transformation: { width: 576, height: 60 + bars.length * 40 },
      altText: { name: chart.title, description: `${chart.title}: ${chart.bars.map((b) => `${b.label} ${b.value}%`).concat(chart.references.map((r) => r.label)).join(', ')}.` },
    })],
  });
}

function reportDocument(report: AnnualReport): Document {
  const title = `IRO annual report ${yearLabel(report.yearEnding)}: ${report.la.name}`;
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph(`For the corporate parenting board: the Independent Reviewing Officer service from ${report.period}.`),
    new Paragraph(`Written by the IRO Partnership Platform from ${report.la.name}'s 903 returns and the IRO practice records kept in the platform, beside ${report.la.region} and England as published. It names no child. Figures shown as c are suppressed to protect confidentiality; x means not available.`),
    ...(report.previousYear === null ? [new Paragraph(`${report.la.name} has no figures for ${yearLabel(report.yearEnding - 1)}, so nothing is compared with the year before.`)] : []),
    ...report.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(section.title)] }),
      ...section.sentences.map((text) => new Paragraph(text)),
      ...section.notes.map((note) => new Paragraph({ children: [new TextRun({ text: note, italics: true })] })),
      ...(section.figures.length > 0 ? (() => {
        const table = figuresTable(report, section);
        return [caption(table.caption), wordTable(table)];
      })() : []),
      ...section.charts.flatMap((chart) => [wordChart(chart), new Paragraph('')]),
      ...section.tables.flatMap((table) => [caption(table.caption), wordTable(table)]),
    ]),
  ];
  return new Document({
    title,
    creator: 'IRO Partnership Platform',
    description: `IRO annual report for ${report.la.name}, ${report.period}`,
    sections: [{ children: body }],
  });
}

/** The .docx bytes. */
export async function reportDocx(report: AnnualReport): Promise<ArrayBuffer> {
  return Packer.toArrayBuffer(reportDocument(report));
}
