import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
// the same entry pdfkit imports (its ES build imports fontkit's ES build): `require("fontkit")` here loaded
// fontkit's CommonJS build as a second copy, its code and Unicode data held twice (docs/benchmarks.md)
import { create as createFont } from "fontkit";

/**
 * The Unicode TrueType fonts every generated document embeds (pdfkit subsets them).
 * They ship with `npm install` (package `dejavu-fonts-ttf`), so a deployment needs no system fonts.
 * The built-in PDF fonts are WinAnsi-only and would garble names such as "Łukasz Ščerba".
 *
 * Speed (docs/benchmarks.md, "Ground lease documents"): pdfkit parses a font file again for every document,
 * shapes every word with fontkit (OpenType GSUB/GPOS lookups) again for every document, and encodes the font
 * subset again for every document. Here, once per process:
 * - each font file is parsed once and handed to pdfkit as a parsed fontkit font;
 * - the words pdfkit lays out are kept across documents: pdfkit keeps shaped, scaled words in a per-document
 *   `layoutCache` of each embedded font and never changes a word once cached (it reuses it within a document
 *   already); `registerFonts` points that cache at one shared per font (a word's glyphs and positions are a
 *   pure function of the font and the text);
 * - a subset is encoded once per distinct list of glyphs (the encoded subset is a pure function of the font
 *   and that list, in its order), so documents with the same glyphs in the same order share the bytes.
 * Output bytes are unchanged: each document still builds its own subset in the order it uses the glyphs and
 * numbers its fonts in the order it uses them (the PDF tests check repeated renders are identical).
 * One thing fontkit keeps per font is not a pure function of the text: the characters of a glyph (first request
 * wins), which pdfkit writes into each document's text layer; `withGlyphsPerCharacters` makes them one, so an
 * earlier document cannot change a later one's text layer (fonts.server.test.ts).
 */
const require = createRequire(import.meta.url);

type FontkitSubset = { glyphs: number[]; encode: () => Uint8Array };
type FontkitGlyph = { id: number; codePoints: number[] };
type FontkitFont = { createSubset: () => FontkitSubset; getGlyph: (id: number, codePoints?: number[]) => FontkitGlyph | null };
type Run = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
/** The part of pdfkit's embedded font (a document's instance of a font) this module uses. */
type EmbeddedFont = {
  font?: unknown;
  layoutCache?: Record<string, Run>;
  layoutCached: (text: string) => Run;
  layoutRun: (text: string, features?: unknown) => Run;
  layout: (text: string, features?: unknown, onlyWidth?: boolean) => { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
};

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

/** Laid-out words kept per font; the cache starts again when it grows past this (a lease uses about 3,000). */
const MAX_CACHED_WORDS = 50_000;
/** Encoded subsets kept per font (one per distinct glyph list). */
const MAX_CACHED_SUBSETS = 32;

type Shared = { words: Record<string, Run>; widths: Map<string, number> };
const sharedWords = new Map<unknown, Shared>();

/** Memoises `encode` of the font's subsets by their glyph list (taken before encoding adds compound parts). */
function withSharedSubsets(font: FontkitFont): FontkitFont {
  const createSubset = font.createSubset.bind(font);
  const encoded = new Map<string, Uint8Array>();
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(",");
      let bytes = encoded.get(key);
      if (!bytes) {
        if (encoded.size >= MAX_CACHED_SUBSETS) encoded.clear();
        bytes = encode();
        encoded.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
  return font;
}

/**
 * Makes a glyph's characters a function of how it is asked for, not of who asked first.
 *
 * fontkit keeps one glyph object per glyph id for the life of the font, made with the characters of the first
 * request (`getGlyph(id, codePoints)`), and shaping takes a glyph's characters from that object. pdfkit writes
 * each document's text layer (the ToUnicode map: what copy, search and screen readers get) from those
 * characters. With the font shared across documents, one document could decide another's text layer: after a
 * document whose "č" was drawn with "c" as a part (a subset asks for its parts with no characters), every later
 * document's "c" had no character and "completed" read "ompleted". Here a request whose characters differ from
 * the kept glyph's gets a glyph of its own with those characters (made once per id and characters), so the
 * words laid out, and the word caches below, depend only on the font and the text; each document's map is
 * still its own (pdfkit's, first use in the document wins).
 */
function withGlyphsPerCharacters(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  const others = new Map<string, FontkitGlyph>();
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const key = `${id}:${codePoints.join(",")}`;
    let other = others.get(key);
    if (!other) {
      const Glyph = glyph.constructor as new (id: number, codePoints: number[], font: FontkitFont) => FontkitGlyph;
      other = new Glyph(id, codePoints.slice(), font);
      others.set(key, other);
    }
    return other;
  };
  return font;
}

function sameCodePoints(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

let parsed: Record<FontName, FontkitFont> | undefined;

function parsedFonts(): Record<FontName, FontkitFont> {
  if (!parsed) {
    const fonts = {} as Record<FontName, FontkitFont>;
    for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
      const font = withSharedSubsets(withGlyphsPerCharacters(createFont(fontFile(file)) as FontkitFont));
      fonts[name] = font;
      sharedWords.set(font, { words: Object.create(null) as Record<string, Run>, widths: new Map() });
    }
    parsed = fonts;
  }
  return parsed;
}

/**
 * pdfkit's `EmbeddedFont.layout`, for one document's instance of a font, doing the same work with less
 * garbage: the text is cut after each space or tab exactly as pdfkit cuts it, each piece comes from the
 * (shared) word cache, and the advance widths are added in the same order (so every width is the same
 * double). A width-only layout (line breaking measures every word) is remembered per text.
 */
function fastLayout(this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean) {
  if (features) return this.layoutRun(text, features);
  const shared = sharedWords.get(this.font)!;
  if (onlyWidth) {
    const known = shared.widths.get(text);
    if (known !== undefined) return { glyphs: null, positions: null, advanceWidth: known };
  }
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let last = 0;
  for (let i = 0; i <= text.length; i += 1) {
    // a piece ends after each space or tab, and at the end of the text
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code !== 32 && code !== 9 && (code !== -1 || last === text.length)) continue;
    const run = this.layoutCached(text.slice(last, i + 1));
    if (glyphs && positions) {
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
    }
    advanceWidth += run.advanceWidth;
    last = i + 1;
  }
  if (onlyWidth) shared.widths.set(text, advanceWidth);
  return { glyphs, positions, advanceWidth };
}

/**
 * pdfkit's `EmbeddedFont.layoutCached`, storing the run's total advance width once: fontkit computes it by
 * adding the positions up on every read, and a cached run's positions never change.
 */
function fastLayoutCached(this: EmbeddedFont, text: string): Run {
  const cache = this.layoutCache!;
  let run = cache[text];
  if (!run) {
    run = this.layoutRun(text);
    Object.defineProperty(run, "advanceWidth", { value: run.advanceWidth });
    cache[text] = run;
  }
  return run;
}

/** Points a document's embedded font at the process-wide caches of its font. */
function shareLayoutCache(embedded: EmbeddedFont): void {
  const shared = sharedWords.get(embedded.font);
  if (!shared || !embedded.layoutCache || embedded.layoutCache === shared.words) return;
  // checked once per document and font: a bound on growth
  if (shared.widths.size > MAX_CACHED_WORDS || Object.keys(shared.words).length > MAX_CACHED_WORDS) {
    shared.words = Object.create(null) as Record<string, Run>;
    shared.widths = new Map();
  }
  embedded.layoutCache = shared.words;
  embedded.layout = fastLayout;
  embedded.layoutCached = fastLayoutCached;
}

/** Registers the fonts under the names "serif", "serif-bold", "serif-italic", "sans", "sans-bold". */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, font] of Object.entries(parsedFonts())) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  // pdfkit creates a document's embedded font on its first use (`doc.font(name)`): share its word cache then
  const font = doc.font.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const selected = doc as unknown as { _font?: EmbeddedFont };
  doc.font = ((...args: unknown[]) => {
    font(...args);
    if (selected._font) shareLayoutCache(selected._font);
    return doc;
  }) as PDFKit.PDFDocument["font"];
}
