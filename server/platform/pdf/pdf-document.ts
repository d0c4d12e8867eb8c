import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * PDFs with Vietnamese that prints right: pdfkit's built-in fonts have no Vietnamese diacritics, so every document
 * embeds Be Vietnam Pro (regular and bold, the TTFs of @expo-google-fonts/be-vietnam-pro), registered as 'body'
 * and 'bold'. `renderPdf` hands the document to `draw` and answers the finished file.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
const FONTS = {
  body: path.join(FONT_DIR, '400Regular', 'BeVietnamPro_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold', 'BeVietnamPro_700Bold.ttf'),
};

export async function renderPdf(
  meta: { title: string; subject?: string },
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: meta.title, Subject: meta.subject ?? '' } });
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  doc.font('body');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
