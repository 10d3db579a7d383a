import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

/**
 * The Unicode TrueType fonts every generated document embeds (pdfkit subsets them).
 * They ship with `npm install` (package `dejavu-fonts-ttf`), so a deployment needs no system fonts.
 * The built-in PDF fonts are WinAnsi-only and would garble names such as "Łukasz Ščerba".
 */
const require = createRequire(import.meta.url);

function fontFile(name: string): Buffer {
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
}

export type FontSet = {
  serif: Buffer;
  serifBold: Buffer;
  serifItalic: Buffer;
  sans: Buffer;
  sansBold: Buffer;
};

let cached: FontSet | undefined;

/** Font bytes, read once per process. Register them on a PDFDocument with `registerFonts`. */
export function documentFonts(): FontSet {
  cached ??= {
    serif: fontFile("DejaVuSerif.ttf"),
    serifBold: fontFile("DejaVuSerif-Bold.ttf"),
    serifItalic: fontFile("DejaVuSerif-Italic.ttf"),
    sans: fontFile("DejaVuSans.ttf"),
    sansBold: fontFile("DejaVuSans-Bold.ttf"),
  };
  return cached;
}

/** Registers the fonts under the names "serif", "serif-bold", "serif-italic", "sans", "sans-bold". */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const fonts = documentFonts();
  doc.registerFont("serif", fonts.serif);
  doc.registerFont("serif-bold", fonts.serifBold);
  doc.registerFont("serif-italic", fonts.serifItalic);
  doc.registerFont("sans", fonts.sans);
  doc.registerFont("sans-bold", fonts.sansBold);
}
