import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

/**
 * The Unicode TrueType fonts every generated document embeds (pdfkit subsets them).
 * They ship with `npm install` (package `dejavu-fonts-ttf`), so a deployment needs no system fonts.
 * The built-in PDF fonts are WinAnsi-only and would garble names such as "Łukasz Ščerba".
 *
 * Speed (docs/benchmarks.md, "Ground lease documents"): most of a document's render time is fontkit shaping
 * words (OpenType GSUB/GPOS lookups). pdfkit caches shaped words per document only, and parses the font file
 * again for every document. Here each font is parsed once per process and handed to pdfkit as a parsed
 * fontkit font (pdfkit accepts any object with `layout`), whose `layout` remembers shaped words across
 * documents. Output bytes are unchanged: a shaped word is a pure function of the font and the text, every
 * caller gets its own copy of the positions (pdfkit scales them in place), and each document still builds its
 * own subset in the order it uses the glyphs (the PDF tests check repeated renders are identical).
 */
const require = createRequire(import.meta.url);

type GlyphRun = { glyphs: unknown[]; positions: object[] };
type FontkitFont = { layout: (text: string, features?: unknown, ...rest: unknown[]) => GlyphRun };
type Fontkit = { create: (data: Buffer) => FontkitFont };

function fontFile(name: string): Buffer {
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
}

const FILES = {
  serif: "DejaVuSerif.ttf",
  "serif-bold": "DejaVuSerif-Bold.ttf",
  "serif-italic": "DejaVuSerif-Italic.ttf",
  sans: "DejaVuSans.ttf",
  "sans-bold": "DejaVuSans-Bold.ttf",
} as const;

export type FontName = keyof typeof FILES;

/** Shaped words kept per font; cleared when it grows past this (a lease uses about 2,000 distinct words). */
const MAX_CACHED_WORDS = 50_000;

function cloneRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
  return copy;
}

function withSharedLayoutCache(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  const cache = new Map<string, GlyphRun>();
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      run = layout(text);
      cache.set(text, run);
    }
    return cloneRun(run);
  };
  return font;
}

let parsed: Record<FontName, FontkitFont> | undefined;

function parsedFonts(): Record<FontName, FontkitFont> {
  if (!parsed) {
    const fontkit = require("fontkit") as Fontkit;
    const fonts = {} as Record<FontName, FontkitFont>;
    for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
      fonts[name] = withSharedLayoutCache(fontkit.create(fontFile(file)));
    }
    parsed = fonts;
  }
  return parsed;
}

/** Registers the fonts under the names "serif", "serif-bold", "serif-italic", "sans", "sans-bold". */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, font] of Object.entries(parsedFonts())) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
}
