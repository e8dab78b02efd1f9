import { existsSync } from 'node:fs';
import anyAscii from 'any-ascii';
import PDFDocument from 'pdfkit';
import { invalidField } from '../errors.js';

export type Pdf = PDFKit.PDFDocument;

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const UNICODE_FONTS = { body: `${DEJAVU}/DejaVuSans.ttf`, bold: `${DEJAVU}/DejaVuSans-Bold.ttf`, mono: `${DEJAVU}/DejaVuSansMono.ttf` };

/**
 * Names in a dossier are in any script and the ownership tree is drawn with box characters,
 * which the PDF standard fonts (WinAnsi) cannot show. DejaVu (Debian's fonts-dejavu-core) is
 * embedded when installed; without it the standard fonts are used and text is transliterated
 * to ASCII, so the dossier still renders, only less faithfully.
 */
const hasUnicodeFonts = Object.values(UNICODE_FONTS).every((file) => existsSync(file));

const TREE_ASCII: Record<string, string> = { '├': '+', '└': '`', '─': '-', '│': '|' };
const printable = (text: string) => (hasUnicodeFonts ? text : anyAscii(text.replace(/[├└─│]/g, (c) => TREE_ASCII[c]!)));

/** A new dossier document; with a password it is AES-256 encrypted and opens only with it. */
export function openPdf(options: { createdAt: Date; password: string | undefined }): Pdf {
  const { password } = options;
  let doc: Pdf;
  try {
    doc = newDocument(options.createdAt, password);
  } catch (error) {
    // AES-256 passwords go through SASLprep, which refuses control characters, unassigned code
    // points and mixed-direction text: the client's input, so a 400 that names the field.
    if (password === undefined) throw error;
    throw invalidField('password', 'cannot encrypt a PDF: use printable characters, without mixing left-to-right and right-to-left scripts');
  }
  if (hasUnicodeFonts) {
    doc.registerFont('body', UNICODE_FONTS.body).registerFont('bold', UNICODE_FONTS.bold).registerFont('mono', UNICODE_FONTS.mono);
  } else {
    doc.registerFont('body', 'Helvetica').registerFont('bold', 'Helvetica-Bold').registerFont('mono', 'Courier');
  }
  return doc.font('body').fontSize(10);
}

function newDocument(createdAt: Date, password: string | undefined): Pdf {
  return new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: false,
    compress: true,
    info: { Title: 'KYB dossier', Creator: 'OpenKYB', CreationDate: createdAt },
    ...(password !== undefined
      ? {
          pdfVersion: '1.7ext3' as const,
          userPassword: password,
          ownerPassword: password,
          permissions: { printing: 'highResolution' as const, copying: true, modifying: false, annotating: false },
        }
      : {}),
  });
}

/** The finished file's bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function title(doc: Pdf, text: string): void {
  doc.font('bold').fontSize(20).text(printable(text)).moveDown(0.5).font('body').fontSize(10);
}

/** A section starts on a new page, so each part of the dossier can be found and printed alone. */
export function heading(doc: Pdf, text: string): void {
  doc.addPage().font('bold').fontSize(16).text(printable(text)).moveDown(0.5).font('body').fontSize(10);
}

export function subheading(doc: Pdf, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.5).font('bold').fontSize(12).text(printable(text)).moveDown(0.2).font('body').fontSize(10);
}

/** "Label: value"; an absent value is shown as a dash rather than left out. */
export function field(doc: Pdf, label: string, value: unknown): void {
  doc
    .font('bold')
    .text(`${printable(label)}: `, { continued: true })
    .font('body')
    .text(printable(show(value)));
}

export function paragraph(doc: Pdf, text: string, options: { indent?: number } = {}): void {
  doc.font('body').text(printable(text), { indent: options.indent ?? 0 });
}

export function note(doc: Pdf, text: string): void {
  doc.font('body').fillColor('#555555').text(printable(text)).fillColor('black');
}

export function monospace(doc: Pdf, text: string): void {
  doc.font('mono').fontSize(9).text(printable(text)).font('body').fontSize(10);
}

/** Moves to a new page when less than `height` points are left on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const isoTime = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
