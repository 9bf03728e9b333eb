import { PDFParse } from 'pdf-parse';
import { fixtureProcess } from '../../helpers/fixtures.js';
import type { ProcessService } from '../../../runtime/engine/index.js';

/** The text of a PDF as a text extractor reads it, whitespace (line breaks of the layout) made single spaces. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  // A copy: pdf.js may take over the buffer it is given.
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/**
 * Whether the extracted text holds `phrase`, whitespace aside: the layout
 * breaks lines where it must (a web address after its `/`), and the
 * extractor reads a break as a space.
 */
export const holds = (text: string, phrase: string) => text.replace(/\s/g, '').includes(phrase.replace(/\s/g, ''));

export const LEGAL_BASIS = { nl: 'Verordening toeslagen 2026, artikel 4', en: 'Allowances Regulation 2026, article 4' };
export const OBJECTION_TO = 'Gemeente Voorbeeld, Postbus 123, 1000 AA Voorbeeld, of www.voorbeeld.nl/bezwaar';

/** Publishes `toeslag` with a letter: a legal basis in both languages, and where objections go. */
export async function publishToeslagWithLetter(processes: Pick<ProcessService, 'saveDraft' | 'publish'>) {
  const def = { ...fixtureProcess('toeslag'), letter: { legalBasis: LEGAL_BASIS, objectionTo: OBJECTION_TO } };
  const { problems } = await processes.saveDraft('toeslag', def, 'test');
  if (problems.length) throw new Error(JSON.stringify(problems));
  await processes.publish('toeslag', 'test');
}
