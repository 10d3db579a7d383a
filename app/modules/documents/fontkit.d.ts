/** fontkit ships no types; fonts.server.ts describes the part of a parsed font it uses. */
declare module "fontkit" {
  /** Parses a font file (TrueType, OpenType, WOFF…). */
  export function create(data: Uint8Array, postscriptName?: string): unknown;
}
