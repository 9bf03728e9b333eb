import PDFDocument from 'pdfkit';
import { createTranslator, lettersCatalogues } from '../i18n/index.js';
import type { LetterContent } from './content.js';

// A4 in points, margins of 2 cm; pdfkit's built-in Helvetica (no font files, nothing downloaded).
const MARGIN = 57;
const BODY = 10.5;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GREY = '#4b4b4b';

/**
 * The decision letter as a PDF: the organisation's name in its colour, the
 * date and reference, the decision, the reasons (the automated checks and
 * the officials' reviews, each under its own heading), the legal basis and
 * the objection clause; page numbers in the footer. `at` is the PDF's
 * creation date.
 */
export function renderLetterPdf(c: LetterContent, at: Date): Promise<Buffer> {
  const say = createTranslator(lettersCatalogues, c.lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: c.lang === 'en' ? 'en-GB' : 'nl-NL',
    info: {
      Title: `${say('title')} ${c.reference}`,
      Author: c.organisation,
      Subject: say('subject', { process: c.process }),
      CreationDate: at,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string) => {
    doc.moveDown(0.8).font(BOLD).fontSize(12).fillColor(c.colour).text(text, { width });
    doc.moveDown(0.2).font(FONT).fontSize(BODY).fillColor('black');
  };
  const paragraph = (text: string) =>
    doc.font(FONT).fontSize(BODY).fillColor('black').text(text, { width }).moveDown(0.4);
  const items = (list: string[]) => {
    for (const item of list) doc.font(FONT).fontSize(BODY).text(`•  ${item}`, { width, indent: 0 }).moveDown(0.2);
    doc.moveDown(0.2);
  };

  // The letterhead: the organisation in its colour, a rule under it.
  doc.font(BOLD).fontSize(18).fillColor(c.colour).text(c.organisation, { width });
  const ruleY = doc.y + 4;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + width, ruleY)
    .lineWidth(2)
    .strokeColor(c.colour)
    .stroke();
  doc.y = ruleY + 18;
  doc.font(FONT).fontSize(BODY).fillColor(GREY);
  doc.text(`${say('date')}: ${c.date}`, { width });
  doc.text(`${say('reference')}: ${c.reference}`, { width });
  doc.moveDown(1.2);
  doc
    .font(BOLD)
    .fontSize(13)
    .fillColor('black')
    .text(say('subject', { process: c.process }), { width });
  doc.moveDown(0.8);
  paragraph(say('salutation'));
  paragraph(say('intro', { process: c.process }));

  heading(say('decisionHeading'));
  doc.font(BOLD).fontSize(BODY).text(c.decision.title, { width }).moveDown(0.3);
  if (c.decision.message) paragraph(c.decision.message);

  heading(say('reasonsHeading'));
  if (c.automated.length) {
    doc.font(BOLD).fontSize(BODY).text(say('automatedHeading'), { width }).moveDown(0.2);
    paragraph(say('automatedIntro'));
    items(c.automated);
  }
  for (const official of c.officials) {
    doc.font(BOLD).fontSize(BODY).text(say('officialHeading'), { width }).moveDown(0.2);
    paragraph(say('officialDecided', { outcome: official.outcome }));
    if (official.reasons.length) {
      paragraph(say('officialReason'));
      items(official.reasons);
    }
  }
  if (!c.automated.length && !c.officials.length) paragraph(say('noReasons'));

  heading(say('legalBasisHeading'));
  paragraph(c.legalBasis ?? say('legalBasisMissing'));

  heading(say('objectionHeading'));
  paragraph(say('objection', { reference: c.reference }));
  paragraph(say('objectionTo', { to: c.objectionTo }));
  paragraph(c.phone ? say('questionsPhone', { phone: c.phone }) : say('questions'));

  doc.moveDown(0.6);
  paragraph(say('closing'));
  paragraph(c.organisation);
  doc.moveDown(0.6).font(FONT).fontSize(9).fillColor(GREY).text(say('generated'), { width });

  // Page numbers, written once every page exists; the footer lies in the bottom margin, so that margin is lifted for it.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `${c.organisation} · ${c.reference} · ${say('page', { n: i + 1, total: range.count })}`,
        MARGIN,
        doc.page.height - MARGIN / 2 - 8,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
